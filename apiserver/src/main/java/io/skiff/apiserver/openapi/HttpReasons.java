package io.skiff.apiserver.openapi;

/** The reason phrases OpenAPI responses are described with. */
final class HttpReasons {

    private HttpReasons() {
    }

    static String of(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 401 -> "Unauthorized";
            default -> throw new IllegalArgumentException("no reason phrase for " + code);
        };
    }
}
