package org.innovadores.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a launch said about the LTI Advantage services of its course (AGS endpoint claim, NRPS claim):
 * the line item of the launched link, the course's line items container, the granted scopes and the
 * memberships URL. Each may be absent.
 */
public record ServiceClaims(String lineItem, String lineItems, List<String> scopes, String memberships) {

    public static ServiceClaims of(String launchClaims) {
        try {
            Map<String, Object> claims = JSONObjectUtils.parse(launchClaims == null ? "{}" : launchClaims);
            Map<String, Object> ags = JSONObjectUtils.getJSONObject(claims, LtiClaims.AGS_ENDPOINT);
            Map<String, Object> nrps = JSONObjectUtils.getJSONObject(claims, LtiClaims.NRPS);
            List<String> scopes = ags == null || !(ags.get("scope") instanceof List<?> list) ? List.of()
                    : list.stream().map(String::valueOf).toList();
            return new ServiceClaims(ags == null ? null : string(ags.get("lineitem")), ags == null ? null : string(ags.get("lineitems")),
                    scopes, nrps == null ? null : string(nrps.get("context_memberships_url")));
        } catch (ParseException e) {
            return new ServiceClaims(null, null, List.of(), null);
        }
    }

    public Optional<String> lineItemUrl() {
        return Optional.ofNullable(lineItem);
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
