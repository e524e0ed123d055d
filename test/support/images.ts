import sharp from 'sharp';

/** A real JPEG of the given size, drawn here so tests carry no binary fixtures. */
export function makeJpeg(width = 640, height = 480, colour = '#3b7dd8'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg({ quality: 80 }).toBuffer();
}
