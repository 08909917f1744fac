"""Generates the photo-like benchmark images of bench/hash/run.

Photo-like means natural-image statistics, not white noise (which no camera produces and which
makes every decoder and compressor look unusually slow): smooth gradients and low-frequency
shading, soft-edged shapes of many sizes, a little blur, and sensor-like noise; saved as JPEG
quality 90 (4:2:0, what phones and Pillow produce) and as PNG.

Usage: generate.py OUT_DIR   (files already there are kept: generation is idempotent)
"""

import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

SIZES = [(512, 512), (1920, 1080), (4000, 3000)]
VARIANTS = 3  # distinct images per size


def pink_noise(width, height, rng):
    """Noise whose amplitude falls as 1/frequency, scaled to unit standard deviation."""
    spectrum = np.fft.rfft2(rng.normal(size=(height, width)))
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.rfftfreq(width)[None, :]
    radius = np.sqrt(fx * fx + fy * fy)
    radius[0, 0] = 1.0
    texture = np.fft.irfft2(spectrum / radius, s=(height, width))
    return (texture / texture.std()).astype(np.float32)


def photo_like(width, height, seed):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    x /= width
    y /= height
    # Background: a sky-to-ground gradient with low-frequency shading, per channel.
    base = np.empty((height, width, 3), np.float32)
    top, bottom = rng.uniform(40, 220, 3), rng.uniform(20, 200, 3)
    for c in range(3):
        channel = top[c] + (bottom[c] - top[c]) * y
        for _ in range(4):
            fx, fy = rng.uniform(0.3, 3.0, 2)
            channel += rng.uniform(5, 25) * np.sin(
                2 * np.pi * (fx * x + fy * y) + rng.uniform(0, 2 * np.pi)
            )
        base[..., c] = channel
    image = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8), "RGB").convert("RGBA")

    # Objects: translucent shapes of many sizes, large ones first.
    scale = min(width, height)
    for i in range(60):
        layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        size = scale * rng.uniform(0.02, 0.5) / (1 + i / 15)
        cx, cy = rng.uniform(0, width), rng.uniform(0, height)
        w, h = size * rng.uniform(0.5, 2.0), size * rng.uniform(0.5, 2.0)
        box = [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]
        colour = tuple(int(v) for v in rng.integers(0, 256, 3)) + (int(rng.integers(120, 256)),)
        kind = rng.integers(0, 3)
        if kind == 0:
            draw.ellipse(box, fill=colour)
        elif kind == 1:
            draw.rectangle(box, fill=colour)
        else:
            points = [
                (cx + w * np.cos(a) / 2, cy + h * np.sin(a) / 2)
                for a in np.sort(rng.uniform(0, 2 * np.pi, int(rng.integers(3, 8))))
            ]
            draw.polygon(points, fill=colour)
        image.alpha_composite(layer)
    image = image.convert("RGB").filter(ImageFilter.GaussianBlur(radius=max(0.6, scale / 1500)))

    # Texture at every scale (1/f noise, as in natural images), then sensor noise.
    pixels = np.asarray(image).astype(np.float32)
    pixels += 10.0 * pink_noise(width, height, rng)[..., None]
    pixels += rng.normal(0, 3.0, pixels.shape).astype(np.float32)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for width, height in SIZES:
        for variant in range(VARIANTS):
            stem = os.path.join(out, f"{width}x{height}-{variant}")
            if os.path.exists(stem + ".jpg") and os.path.exists(stem + ".png"):
                continue
            image = photo_like(width, height, seed=1000 * width + variant)
            image.save(stem + ".jpg", quality=90)
            image.save(stem + ".png")
            print(f"generated {stem}.jpg and .png", file=sys.stderr)


if __name__ == "__main__":
    main()
