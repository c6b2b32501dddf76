import { PNG } from "pngjs";

/**
 * The app's icons, drawn in code so no binary needs committing: a shield with a tick. The colour icon
 * is the shield in the accent colour on a full background; the outline icon is white on transparent,
 * as Teams requires (32×32, only white and transparency).
 */
export function drawIcon(size: number, style: "colour" | "outline"): Buffer {
  const png = new PNG({ width: size, height: size });
  const accent = [0x1f, 0x5c, 0x99];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const inShield = isInShield(u, v);
      const onTick = isOnTick(u, v, style === "outline" ? 0.07 : 0.05);
      const index = (y * size + x) * 4;
      let rgba: readonly number[];
      if (style === "outline") {
        const outlineEdge = inShield && !isInShield((u - 0.5) / 0.8 + 0.5, (v - 0.5) / 0.8 + 0.5);
        rgba = outlineEdge || onTick ? [255, 255, 255, 255] : [0, 0, 0, 0];
      } else {
        rgba = inShield ? (onTick ? [255, 255, 255, 255] : [...accent, 255]) : [0xf3, 0xf6, 0xfa, 255];
      }
      png.data[index] = rgba[0] ?? 0;
      png.data[index + 1] = rgba[1] ?? 0;
      png.data[index + 2] = rgba[2] ?? 0;
      png.data[index + 3] = rgba[3] ?? 0;
    }
  }
  return PNG.sync.write(png);
}

/** A shield: flat top, straight sides, curving to a point at the bottom. */
function isInShield(u: number, v: number): boolean {
  if (v < 0.12 || v > 0.9) return false;
  const halfWidth = v < 0.5 ? 0.34 : 0.34 * Math.sqrt(Math.max(0, 1 - ((v - 0.5) / 0.4) ** 2));
  return Math.abs(u - 0.5) <= halfWidth;
}

function isOnTick(u: number, v: number, thickness: number): boolean {
  return (
    distanceToSegment(u, v, 0.33, 0.5, 0.45, 0.63) < thickness ||
    distanceToSegment(u, v, 0.45, 0.63, 0.68, 0.36) < thickness
  );
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
