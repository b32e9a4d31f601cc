package io.skiff.apiserver.openapi;

import java.util.List;

/** A path template and what can be done there; {@code parameters} are the path's own, shared by its operations. */
record ApiPath(String path, List<Parameter> parameters, List<ApiOperation> operations) {
}
