/**
 * The durable timer of statutory clocks: {@link uk.customerhub.projections.clocks.StatutoryClockTimers} keeps, in a
 * collection of its own, one document per clock still running, so a process that runs every few seconds (in infra)
 * can find those whose due date has passed and have the customer record mark them overdue. The collection is in
 * MongoDB, so pending timers outlive a restart.
 */
package uk.customerhub.projections.clocks;
