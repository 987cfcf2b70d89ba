package uk.customerhub.api;

/** Where a service is needed: a point (WGS84), an address description, and optionally the property's UPRN and postcode. */
public record ServiceLocation(Double latitude, Double longitude, String description, String uprn, String postcode) {
    public ServiceLocation {
        if ((latitude == null) != (longitude == null)) {
            throw new InvalidInputException("location", "needs both latitude and longitude, or neither");
        }
        // written so that NaN, which compares false with everything, is refused too
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
            throw new InvalidInputException("location.latitude", "must be between -90 and 90");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidInputException("location.longitude", "must be between -180 and 180");
        }
        description = Require.optionalText("location.description", description, Limits.SHORT_TEXT);
        uprn = Require.optionalText("location.uprn", uprn, 12);
        if (uprn != null && !uprn.matches("[0-9]{1,12}")) {
            throw new InvalidInputException("location.uprn", "must be up to 12 digits");
        }
        postcode = Postcodes.normalise("location.postcode", postcode);
        if (latitude == null && description == null && uprn == null && postcode == null) {
            throw new InvalidInputException("location", "must give a point, a description, a UPRN or a postcode");
        }
    }
}
