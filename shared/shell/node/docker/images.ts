/** `docker images`: the classic layout, one row per tag, dangling images as `<none>`. */
import type { LocalImage } from '../../../sim/runtime/docker.js';
import { formatDockerSize } from '../../../sim/api/quantity.js';
import { splitRef } from '../../../sim/registry.js';
import { bool, strs } from '../../flags.js';
import { DOCKER_TABLE, table } from '../../table.js';
import { dockerDuration } from '../../duration.js';
import { result } from '../../types.js';
import type { DockerCommand } from './cli.js';
import { imageFilter, parseFilters } from './filters.js';
import { familiar, shortId } from './format.js';

interface Row {
  image: LocalImage;
  tag?: string;
}

/** Every (image, tag) pair, newest image first; a dangling image gives one row without a tag. */
export function imageRows(images: Iterable<LocalImage>): Row[] {
  const sorted = [...images].sort((a, b) => b.info.created - a.info.created || (a.info.id < b.info.id ? -1 : 1));
  return sorted.flatMap((image) => (image.tags.size ? [...image.tags].sort().map((tag) => ({ image, tag })) : [{ image }]));
}

export const images: DockerCommand = {
  name: 'images',
  use: '[OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  aliases: 'docker image ls, docker image list, docker images',
  args: { max: 1 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all images (default hides intermediate images)' },
    { name: 'filter', short: 'f', type: 'strings', varname: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  run(ctx, m, f, path) {
    const parsed = parseFilters(strs(f, 'filter'), '-f, --filter');
    if (!parsed.ok) return result(`${parsed.error}\nSee '${path} --help'.\n`, 125, 'none');
    if (f.args[0]) parsed.filters.set('reference', [...(parsed.filters.get('reference') ?? []), f.args[0]]);
    const filter = imageFilter(parsed.filters);
    if (!filter.ok) return result(`${filter.error}\n`, 1, 'read');
    const rows = imageRows(m.docker.images.values()).filter((r) => filter.test(r.image, r.tag));
    const trunc = !bool(f, 'no-trunc');
    const id = (img: LocalImage) => (trunc ? shortId(img.info.id) : img.info.id);
    if (bool(f, 'quiet')) return result(rows.map((r) => `${id(r.image)}\n`).join(''), 0, 'read');
    const now = ctx.cluster.now;
    const body = rows.map(({ image, tag }) => {
      const [repo, t] = tag ? splitRef(familiar(tag)) : ['<none>', '<none>'];
      return [repo, t, id(image), `${dockerDuration(now - image.info.created)} ago`, formatDockerSize(image.info.sizeBytes)];
    });
    return result(table([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...body], DOCKER_TABLE), 0, 'read');
  },
};
