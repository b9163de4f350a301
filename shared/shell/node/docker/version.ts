/** `docker version`: the client, and the engine when the daemon answers. */
import { DOCKER_VERSION } from '../../../sim/bootstrap.js';
import { result } from '../../types.js';
import { DAEMON_DOWN, type DockerCommand } from './cli.js';

const CLIENT = `Client: Docker Engine - Community
 Version:           ${DOCKER_VERSION}
 API version:       1.47
 Go version:        go1.22.7
 Git commit:        ce12230
 Built:             Fri Sep 20 11:41:00 2024
 OS/Arch:           linux/amd64
 Context:           default
`;

const SERVER = `
Server: Docker Engine - Community
 Engine:
  Version:          ${DOCKER_VERSION}
  API version:      1.47 (minimum version 1.24)
  Go version:       go1.22.7
  Git commit:       41ca978
  Built:            Fri Sep 20 11:41:00 2024
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.7.22
  GitCommit:        7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c
 runc:
  Version:          1.1.14
  GitCommit:        v1.1.14-0-g2c9f560
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`;

export const version: DockerCommand = {
  name: 'version',
  use: '[OPTIONS]',
  short: 'Show the Docker version information',
  args: { none: true },
  offline: true,
  flags: [],
  run(_ctx, m) {
    return m.docker.running ? result(CLIENT + SERVER, 0, 'read') : result(CLIENT + DAEMON_DOWN, 1, 'read');
  },
};
