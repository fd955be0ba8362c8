/**
 * Album covers drawn as SVG (gradient background, a style-specific motif, title and artist) and
 * rasterised to a 600x600 JPEG with sharp. The text uses the album's Latin-script names because
 * many servers have no CJK font installed and would render Chinese as empty boxes.
 */
import sharp from 'sharp';
import { createRng, hashString, type Rng } from './prng.ts';
import type { StyleId } from './styles.ts';

export const COVER_SIZE = 600;

export interface CoverRequest {
  readonly title: string;
  readonly artist: string;
  readonly style: StyleId;
  readonly seed: number;
}

type Motif = 'sunGrid' | 'moon' | 'pixels' | 'window' | 'stripes' | 'mountains' | 'waves' | 'circles';

const MOTIF_BY_STYLE: Record<StyleId, Motif> = {
  synthpop: 'sunGrid',
  mandopop: 'moon',
  chiptune: 'pixels',
  lofi: 'window',
  indieRock: 'stripes',
  folk: 'mountains',
  ambient: 'waves',
  jazz: 'circles',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hsl(hue: number, saturation: number, lightness: number): string {
  return `hsl(${Math.round(((hue % 360) + 360) % 360)}, ${Math.round(saturation)}%, ${Math.round(lightness)}%)`;
}

function motifShapes(motif: Motif, hue: number, rng: Rng): string {
  const size = COVER_SIZE;
  const accent = hsl(hue + 40, 85, 65);
  const soft = hsl(hue + 180, 60, 80);
  switch (motif) {
    case 'sunGrid': {
      const lines = Array.from({ length: 9 }, (_, i) => {
        const y = 330 + i * i * 4;
        return `<line x1="0" y1="${y}" x2="${size}" y2="${y}" stroke="${accent}" stroke-opacity="0.6" stroke-width="2"/>`;
      });
      const rays = Array.from({ length: 11 }, (_, i) => {
        const x = (i - 5) * 120 + 300;
        return `<line x1="300" y1="330" x2="${x}" y2="${size}" stroke="${accent}" stroke-opacity="0.5" stroke-width="2"/>`;
      });
      return `<circle cx="300" cy="300" r="${rng.int(110, 150)}" fill="url(#sun)"/>${lines.join('')}${rays.join('')}`;
    }
    case 'moon':
      return `<circle cx="${rng.int(330, 430)}" cy="${rng.int(140, 200)}" r="80" fill="${soft}" fill-opacity="0.9"/>
        <circle cx="${rng.int(350, 460)}" cy="${rng.int(120, 170)}" r="72" fill="url(#bg)"/>
        ${Array.from({ length: 30 }, () => `<circle cx="${rng.int(0, size)}" cy="${rng.int(0, 380)}" r="${rng.range(1, 2.5).toFixed(1)}" fill="white" fill-opacity="0.8"/>`).join('')}`;
    case 'pixels':
      return Array.from({ length: 70 }, () => {
        const cell = 40;
        return `<rect x="${rng.int(0, 14) * cell}" y="${rng.int(0, 10) * cell}" width="${cell}" height="${cell}" fill="${hsl(hue + rng.pick([0, 60, 120, 200]), 80, rng.range(45, 70))}" fill-opacity="0.85"/>`;
      }).join('');
    case 'window': {
      const panes = [0, 1].flatMap((column) =>
        [0, 1].map(
          (row) =>
            `<rect x="${170 + column * 135}" y="${70 + row * 150}" width="125" height="140" rx="6" fill="${hsl(hue + 200, 50, 25)}"/>`,
        ),
      );
      const rain = Array.from({ length: 40 }, () => {
        const x = rng.int(175, 425);
        const y = rng.int(75, 350);
        return `<line x1="${x}" y1="${y}" x2="${x - 3}" y2="${y + 14}" stroke="${soft}" stroke-opacity="0.7" stroke-width="1.5"/>`;
      });
      return `<rect x="160" y="60" width="280" height="310" rx="10" fill="${hsl(hue, 30, 15)}"/>${panes.join('')}${rain.join('')}`;
    }
    case 'stripes':
      return Array.from({ length: 8 }, (_, i) => {
        const y = 40 + i * 48;
        return `<rect x="-20" y="${y}" width="${size + 40}" height="${rng.int(10, 30)}" fill="${hsl(hue + i * 25, 75, 60)}" fill-opacity="0.75" transform="rotate(${rng.int(-8, 8)} 300 ${y})"/>`;
      }).join('');
    case 'mountains': {
      const layers = [0, 1, 2].map((layer) => {
        const base = 250 + layer * 60;
        const points = [`0,${size}`];
        for (let x = 0; x <= size; x += 60) points.push(`${x},${base - rng.int(20, 140 - layer * 30)}`);
        points.push(`${size},${size}`);
        return `<polygon points="${points.join(' ')}" fill="${hsl(hue + 150, 30, 30 + layer * 12)}" fill-opacity="0.85"/>`;
      });
      return `<circle cx="${rng.int(120, 480)}" cy="130" r="45" fill="${soft}" fill-opacity="0.9"/>${layers.join('')}`;
    }
    case 'waves':
      return Array.from({ length: 9 }, (_, i) => {
        const y = 120 + i * 40;
        const amplitude = rng.range(10, 35);
        let d = `M 0 ${y}`;
        for (let x = 0; x <= size; x += 20)
          d += ` L ${x} ${(y + amplitude * Math.sin(x / 60 + i)).toFixed(1)}`;
        return `<path d="${d}" stroke="${hsl(hue + i * 12, 60, 75)}" stroke-opacity="0.7" stroke-width="3" fill="none"/>`;
      }).join('');
    case 'circles':
      return Array.from({ length: 7 }, () => {
        const r = rng.int(30, 120);
        return `<circle cx="${rng.int(60, 540)}" cy="${rng.int(60, 400)}" r="${r}" fill="none" stroke="${hsl(hue + rng.int(0, 90), 70, 65)}" stroke-width="${rng.int(4, 14)}" stroke-opacity="0.8"/>`;
      }).join('');
  }
}

/** Shrinks long titles so they fit the width (bold DejaVu glyphs average ~0.62 em). */
function titleFontSize(title: string): number {
  return Math.max(22, Math.min(54, Math.floor(540 / (0.62 * Math.max(1, title.length)))));
}

export function coverSvg(request: CoverRequest): string {
  const rng = createRng(hashString(request.title, request.seed));
  const hue = rng.int(0, 359);
  const title = escapeXml(request.title);
  const artist = escapeXml(request.artist);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${COVER_SIZE}" height="${COVER_SIZE}" viewBox="0 0 ${COVER_SIZE} ${COVER_SIZE}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="${rng.range(0.3, 1).toFixed(2)}" y2="1">
      <stop offset="0" stop-color="${hsl(hue, 55, 22)}"/>
      <stop offset="0.6" stop-color="${hsl(hue + 35, 60, 38)}"/>
      <stop offset="1" stop-color="${hsl(hue + 80, 65, 55)}"/>
    </linearGradient>
    <radialGradient id="sun">
      <stop offset="0" stop-color="${hsl(hue + 50, 95, 70)}"/>
      <stop offset="1" stop-color="${hsl(hue - 10, 90, 55)}"/>
    </radialGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  ${motifShapes(MOTIF_BY_STYLE[request.style], hue, rng)}
  <rect x="0" y="450" width="${COVER_SIZE}" height="150" fill="black" fill-opacity="0.45"/>
  <text x="300" y="520" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-weight="bold" font-size="${titleFontSize(request.title)}" fill="white">${title}</text>
  <text x="300" y="565" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="24" fill="white" fill-opacity="0.85">${artist}</text>
</svg>`;
}

/** Renders the cover to a 600x600 JPEG. */
export async function renderCoverJpeg(request: CoverRequest): Promise<Buffer> {
  return sharp(Buffer.from(coverSvg(request)))
    .resize(COVER_SIZE, COVER_SIZE)
    .jpeg({ quality: 86 })
    .toBuffer();
}
