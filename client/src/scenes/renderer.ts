/**
 * Which Phaser renderer to use. WebGL on a real GPU; the 2D canvas when WebGL is emulated in
 * software (SwiftShader, llvmpipe — school PCs with blocklisted drivers, headless browsers),
 * where every WebGL call is slow and the canvas is several times faster for a town this size.
 * `?renderer=canvas|webgl` overrides.
 */
import Phaser from 'phaser';

export type RendererChoice = 'auto' | 'canvas' | 'webgl';

export function pickRenderer(choice: RendererChoice = 'auto'): number {
  const q = new URLSearchParams(location.search).get('renderer');
  const want = choice !== 'auto' ? choice : q === 'canvas' || q === 'webgl' ? q : 'auto';
  if (want === 'canvas') return Phaser.CANVAS;
  if (want === 'webgl') return Phaser.WEBGL;
  return softwareWebGL() ? Phaser.CANVAS : Phaser.WEBGL;
}

function softwareWebGL(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return true;
  }
}
