package io.skiff.api.validation;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.skiff.api.ResourceTypes;
import io.skiff.api.defaults.Defaults;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.skiff.api.validation.Fixtures.SUBDOMAIN_MSG;
import static io.skiff.api.validation.Fixtures.assertErrors;
import static io.skiff.api.validation.Fixtures.copy;
import static io.skiff.api.validation.Fixtures.validate;
import static io.skiff.api.validation.Fixtures.validateUpdate;

class ConfigAndSecretValidationTest {
    private static final String KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

    private static ConfigMap configMap() {
        return new ConfigMapBuilder().withNewMetadata().withName("game").withNamespace("default").endMetadata().build();
    }

    private static Secret secret(String type) {
        Secret s = new SecretBuilder().withNewMetadata().withName("creds").withNamespace("default").endMetadata().withType(type).build();
        Defaults.apply(ResourceTypes.SECRETS, s);
        return s;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validConfigMap() {
        ConfigMap cm = configMap();
        cm.getData().put("game.properties", "lives=3");
        cm.getData().put("UI_THEME", "dark");
        cm.getBinaryData().put("logo.png", b64("png"));
        assertErrors(validate(ResourceTypes.CONFIGMAPS, cm));
    }

    @Test
    void configMapKeys() {
        ConfigMap cm = configMap();
        cm.getData().put("conf/app", "x");
        cm.getData().put("both", "x");
        cm.getBinaryData().put("both", b64("y"));
        cm.getBinaryData().put("..hidden", b64("y"));
        assertErrors(validate(ResourceTypes.CONFIGMAPS, cm),
                "data[conf/app]: Invalid value: \"conf/app\": " + KEY_MSG,
                "data[both]: Invalid value: \"both\": duplicate of key present in binaryData",
                "binaryData[..hidden]: Invalid value: \"..hidden\": must not start with '..'");
    }

    @Test
    void configMapsAreAtMostOneMebibyte() {
        ConfigMap cm = configMap();
        cm.getData().put("a", "x".repeat(1024 * 1024));
        assertErrors(validate(ResourceTypes.CONFIGMAPS, cm));
        cm.getData().put("b", "x");
        assertErrors(validate(ResourceTypes.CONFIGMAPS, cm), "Too long: may not be more than 1048576 bytes");
    }

    @Test
    void immutableConfigMaps() {
        ConfigMap stored = configMap();
        stored.setImmutable(true);
        stored.getData().put("a", "1");
        ConfigMap changed = copy(stored);
        changed.getData().put("a", "2");
        changed.setImmutable(false);
        assertErrors(validateUpdate(ResourceTypes.CONFIGMAPS, changed, stored),
                "immutable: Forbidden: field is immutable when `immutable` is set",
                "data: Forbidden: field is immutable when `immutable` is set");
    }

    @Test
    void validSecret() {
        Secret s = secret(null);
        s.getData().put("password", b64("s3cr3t"));
        assertErrors(validate(ResourceTypes.SECRETS, s));
    }

    @Test
    void secretKeysAndEncoding() {
        Secret s = secret(null);
        s.getData().put("bad key", b64("x"));
        s.getData().put("garbage", "not*base64");
        assertErrors(validate(ResourceTypes.SECRETS, s),
                "data[bad key]: Invalid value: \"bad key\": " + KEY_MSG,
                "data[garbage]: Invalid value: \"<secret contents redacted>\": illegal base64 data at input byte 3");
    }

    @Test
    void secretsAreAtMostOneMebibyteOfDecodedData() {
        Secret s = secret(null);
        s.getData().put("a", Base64.getEncoder().encodeToString(new byte[1024 * 1024]));
        assertErrors(validate(ResourceTypes.SECRETS, s));
        s.getData().put("b", b64("x"));
        assertErrors(validate(ResourceTypes.SECRETS, s), "data: Too long: may not be more than 1048576 bytes");
    }

    @Test
    void wellKnownSecretTypesNeedTheirKeys() {
        assertErrors(validate(ResourceTypes.SECRETS, secret("kubernetes.io/tls")),
                "data[tls.crt]: Required value", "data[tls.key]: Required value");
        assertErrors(validate(ResourceTypes.SECRETS, secret("kubernetes.io/basic-auth")),
                "data[username]: Required value", "data[password]: Required value");
        assertErrors(validate(ResourceTypes.SECRETS, secret("kubernetes.io/dockerconfigjson")),
                "data[.dockerconfigjson]: Required value");
        assertErrors(validate(ResourceTypes.SECRETS, secret("kubernetes.io/service-account-token")),
                "metadata.annotations[kubernetes.io/service-account.name]: Required value");
        Secret docker = secret("kubernetes.io/dockerconfigjson");
        docker.getData().put(".dockerconfigjson", b64("{\"auths\":{}}"));
        assertErrors(validate(ResourceTypes.SECRETS, docker));
    }

    @Test
    void secretTypeIsImmutable() {
        Secret stored = secret(null);
        Secret changed = copy(stored);
        changed.setType("kubernetes.io/tls");
        changed.getData().put("tls.crt", b64("c"));
        changed.getData().put("tls.key", b64("k"));
        assertErrors(validateUpdate(ResourceTypes.SECRETS, changed, stored),
                "type: Invalid value: \"kubernetes.io/tls\": field is immutable");
    }

    @Test
    void serviceAccounts() {
        assertErrors(validate(ResourceTypes.SERVICE_ACCOUNTS,
                new ServiceAccountBuilder().withNewMetadata().withName("builder").withNamespace("ci").endMetadata().build()));
        assertErrors(validate(ResourceTypes.SERVICE_ACCOUNTS,
                        new ServiceAccountBuilder().withNewMetadata().withName("Builder").withNamespace("ci").endMetadata().build()),
                "metadata.name: Invalid value: \"Builder\": " + SUBDOMAIN_MSG);
    }
}
