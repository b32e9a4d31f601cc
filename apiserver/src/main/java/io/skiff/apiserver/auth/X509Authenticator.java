package io.skiff.apiserver.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Client certificates: CN is the user, each O a group. The TLS layer has already verified the
 * chain against the cluster CA, so a presented chain is trusted here.
 */
public final class X509Authenticator implements Authenticator {

    @Override
    public Optional<UserInfo> authenticate(Credentials credentials) {
        X509Certificate[] chain = credentials.clientChain();
        if (chain == null || chain.length == 0) {
            return Optional.empty();
        }
        String cn = null;
        List<String> groups = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(chain[0].getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                } else if (rdn.getType().equalsIgnoreCase("O")) {
                    groups.add(0, rdn.getValue().toString()); // LdapName lists RDNs last-first
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        if (cn == null || cn.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(UserInfo.authenticated(cn, "", groups));
    }
}
