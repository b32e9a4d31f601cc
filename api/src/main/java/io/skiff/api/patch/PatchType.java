package io.skiff.api.patch;

import io.skiff.api.errors.ApiException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four PATCH media types the API server accepts, in the order Kubernetes lists them. */
public enum PatchType {
    JSON("application/json-patch+json"),
    MERGE("application/merge-patch+json"),
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    APPLY("application/apply-patch+yaml");

    private final String mediaType;

    PatchType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The patch type a {@code Content-Type} header names, parameters such as
     * {@code ; charset=utf-8} ignored; anything else is 415 UnsupportedMediaType.
     */
    public static PatchType ofContentType(String contentType) {
        String base = contentType == null ? "" : contentType;
        int semicolon = base.indexOf(';');
        if (semicolon >= 0) {
            base = base.substring(0, semicolon);
        }
        String wanted = base.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.mediaType.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ApiException(415, "UnsupportedMediaType",
                        "the body of the request was in an unknown format - accepted media types include: "
                                + Arrays.stream(values()).map(PatchType::mediaType).collect(Collectors.joining(", "))));
    }
}
