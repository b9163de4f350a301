/** The join link as a QR code, drawn on a canvas (no HTML strings involved). */
import QRCode from 'qrcode';
import { t } from '../i18n.js';
import { el } from './dom.js';

export function qrCanvas(url: string, size: number): HTMLCanvasElement {
  const canvas = el('canvas', { class: 'qr', attrs: { role: 'img', 'aria-label': t('projector.qr', { url }) } });
  void QRCode.toCanvas(canvas, url, { margin: 1, width: size, errorCorrectionLevel: 'M', color: { dark: '#0a0f1f', light: '#ffffff' } }).catch(() => undefined);
  return canvas;
}

/** `/?code=ABCDE` on this server, as players type or scan it. */
export function joinUrl(code: string): string {
  return `${location.origin}/?code=${code}`;
}
