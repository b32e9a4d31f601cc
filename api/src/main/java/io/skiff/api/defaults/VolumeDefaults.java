package io.skiff.api.defaults;

import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.EmptyDirVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;

import java.util.List;

/** Volume defaults: an emptyDir when no source is given, file modes 0644, token lifetimes of an hour. */
final class VolumeDefaults {
    /** 0644: readable by every user in the container, writable by none but root. */
    static final int DEFAULT_MODE = 0644;
    private static final long TOKEN_EXPIRATION_SECONDS = 3600;

    private VolumeDefaults() {
    }

    static void apply(Volume v) {
        if (hasNoSource(v)) {
            v.setEmptyDir(new EmptyDirVolumeSource());
        }
        if (v.getSecret() != null && v.getSecret().getDefaultMode() == null) {
            v.getSecret().setDefaultMode(DEFAULT_MODE);
        }
        if (v.getConfigMap() != null && v.getConfigMap().getDefaultMode() == null) {
            v.getConfigMap().setDefaultMode(DEFAULT_MODE);
        }
        if (v.getDownwardAPI() != null) {
            if (v.getDownwardAPI().getDefaultMode() == null) {
                v.getDownwardAPI().setDefaultMode(DEFAULT_MODE);
            }
            files(v.getDownwardAPI().getItems());
        }
        if (v.getHostPath() != null && v.getHostPath().getType() == null) {
            v.getHostPath().setType("");
        }
        if (v.getProjected() != null) {
            if (v.getProjected().getDefaultMode() == null) {
                v.getProjected().setDefaultMode(DEFAULT_MODE);
            }
            List<VolumeProjection> sources = v.getProjected().getSources();
            for (VolumeProjection p : sources == null ? List.<VolumeProjection>of() : sources) {
                if (p.getServiceAccountToken() != null && p.getServiceAccountToken().getExpirationSeconds() == null) {
                    p.getServiceAccountToken().setExpirationSeconds(TOKEN_EXPIRATION_SECONDS);
                }
                if (p.getDownwardAPI() != null) {
                    files(p.getDownwardAPI().getItems());
                }
            }
        }
    }

    private static void files(List<DownwardAPIVolumeFile> files) {
        for (DownwardAPIVolumeFile f : files == null ? List.<DownwardAPIVolumeFile>of() : files) {
            ContainerDefaults.fieldSelector(f.getFieldRef());
        }
    }

    private static boolean hasNoSource(Volume v) {
        return v.getEmptyDir() == null && v.getHostPath() == null && v.getSecret() == null && v.getConfigMap() == null
                && v.getPersistentVolumeClaim() == null && v.getDownwardAPI() == null && v.getProjected() == null
                && v.getNfs() == null && v.getIscsi() == null && v.getGlusterfs() == null && v.getRbd() == null
                && v.getCephfs() == null && v.getCinder() == null && v.getFc() == null && v.getFlexVolume() == null
                && v.getFlocker() == null && v.getAzureFile() == null && v.getAzureDisk() == null
                && v.getVsphereVolume() == null && v.getQuobyte() == null && v.getPhotonPersistentDisk() == null
                && v.getPortworxVolume() == null && v.getScaleIO() == null && v.getStorageos() == null
                && v.getCsi() == null && v.getEphemeral() == null && v.getImage() == null && v.getGitRepo() == null
                && v.getGcePersistentDisk() == null && v.getAwsElasticBlockStore() == null;
    }
}
