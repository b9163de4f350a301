/**
 * Starts Phaser in a DOM element with the sky and the town, sized to the element (renderer:
 * see renderer.ts).
 */
import Phaser from 'phaser';
import { pickRenderer, type RendererChoice } from './renderer.js';
import { SkyScene } from './SkyScene.js';
import { TownScene } from './TownScene.js';

export interface TownGame {
  game: Phaser.Game;
  town: TownScene;
  sky: SkyScene;
  /** Resolves when both scenes have been created. */
  ready: Promise<void>;
  destroy(): void;
}

export function createTownGame(parent: HTMLElement, renderer: RendererChoice = 'auto'): TownGame {
  const sky = new SkyScene();
  const town = new TownScene();
  const game = new Phaser.Game({
    type: pickRenderer(renderer),
    parent,
    backgroundColor: '#070b1c',
    banner: false,
    disableContextMenu: true,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 500 },
    render: { antialias: true, roundPixels: false, powerPreference: 'high-performance' },
    input: { keyboard: false },
    scene: [sky, town],
  });
  const ready = new Promise<void>((resolve) => {
    const check = () => (town.isReady && sky.sys.settings.status >= Phaser.Scenes.RUNNING ? resolve() : setTimeout(check, 16));
    check();
  });
  return { game, town, sky, ready, destroy: () => game.destroy(true) };
}
