// Starter configs offered by the playground. The ACOS and zincati ones are the
// repository's examples/ files, bundled as text, so the page and the examples agree.
import acos from "../examples/acos.bu";
import acosFleetLock from "../examples/acos-updates-fleet-lock.bu";
import acosPeriodic from "../examples/acos-updates-periodic.bu";
import zincati from "../examples/zincati.bu";

export interface Template {
  id: string;
  title: string;
  text: string;
}

const service = `# A systemd service that runs a container, started at boot.
variant: fcos
version: 1.5.0
systemd:
  units:
    - name: hello.service
      enabled: true
      contents: |
        [Unit]
        Description=Say hello from a container
        Wants=network-online.target
        After=network-online.target

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/usr/bin/podman run --rm docker.io/library/busybox echo "Hello, world"

        [Install]
        WantedBy=multi-user.target
    # Drop-ins change units the OS ships.
    - name: docker.service
      dropins:
        - name: 10-wait-for-network.conf
          contents: |
            [Unit]
            After=network-online.target
`;

const dataDisk = `# A second disk, partitioned, formatted as xfs and mounted at /var/data.
variant: fcos
version: 1.5.0
storage:
  disks:
    - device: /dev/disk/by-id/virtio-data
      wipe_table: true
      partitions:
        - label: data
          number: 1
          size_mib: 0
  filesystems:
    - device: /dev/disk/by-partlabel/data
      path: /var/data
      format: xfs
      label: data
      # Generates var-data.mount and enables it.
      with_mount_unit: true
  directories:
    - path: /var/data/app
      mode: 0750
`;

const localFiles = `# Files taken from a folder: pick one with "Files directory…" (it must hold
# etc/motd and a directory named tree). Nothing is uploaded; the page reads them.
variant: fcos
version: 1.5.0
storage:
  files:
    - path: /etc/motd
      mode: 0644
      contents:
        local: etc/motd
  trees:
    - local: tree
      path: /usr/local
`;

export const TEMPLATES: readonly Template[] = [
  { id: "acos", title: "ACOS first boot (user, password, SSH key, hostname)", text: acos },
  { id: "acos-periodic", title: "ACOS updates in maintenance windows (zincati periodic)", text: acosPeriodic },
  { id: "acos-fleet-lock", title: "ACOS cluster updates, one node at a time (zincati fleet_lock)", text: acosFleetLock },
  { id: "service", title: "systemd service", text: service },
  { id: "data-disk", title: "Data disk", text: dataDisk },
  { id: "zincati", title: "Zincati update strategy, hand-written (fcos)", text: zincati },
  { id: "local-files", title: "Files from a folder (local, trees)", text: localFiles },
];
