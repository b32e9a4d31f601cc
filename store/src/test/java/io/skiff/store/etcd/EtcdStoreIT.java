package io.skiff.store.etcd;

import io.skiff.store.Store;
import io.skiff.store.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Store contract against a real etcd started for this class. */
class EtcdStoreIT extends StoreContract {
    private static EtcdServer etcd;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdServer.start();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @Override
    protected Store openStore() {
        return new EtcdStore(etcd.endpoints());
    }
}
