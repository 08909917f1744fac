//! How long hashing decoded pixels takes, per image size and convention.
//!
//! `cargo bench -p pdq` (the `bench/` script at the root compares with other implementations).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pdq::{Convention, ImageRef, PdqHasher, PixelFormat};
use std::hint::black_box;
use std::time::Duration;

/// A deterministic photo-like RGB image: smooth shapes and gradients with sensor-like noise, so
/// that nothing in the hasher sees unusually easy (flat) or unusually hard (pure noise) input.
fn photo_like(width: usize, height: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut data = Vec::with_capacity(width * height * 3);
    for y in 0..height {
        let v = y as f32 / height as f32;
        for x in 0..width {
            let u = x as f32 / width as f32;
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let grain = (state % 17) as f32 - 8.0;
            let shape = 60.0 * (u * 9.0 + v * 4.0).sin() * (v * 7.0 - u * 3.0).cos();
            let base = 90.0 + 80.0 * u + 40.0 * v + shape + grain;
            for tint in [1.0, 0.85, 0.7] {
                data.push((base * tint).clamp(0.0, 255.0) as u8);
            }
        }
    }
    data
}

fn hash_image(c: &mut Criterion) {
    let mut group = c.benchmark_group("hash_image");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.sample_size(20);
    for (width, height) in [(512, 512), (1920, 1080), (4000, 3000)] {
        let pixels = photo_like(width, height);
        let image = ImageRef::new(&pixels, width as u32, height as u32, PixelFormat::Rgb8)
            .expect("consistent buffer");
        group.throughput(Throughput::Elements((width * height) as u64));
        let mut hasher = PdqHasher::new();
        for convention in Convention::ALL {
            group.bench_with_input(
                BenchmarkId::new(convention.as_str(), format!("{width}x{height}")),
                &image,
                |b, image| b.iter(|| hasher.hash(black_box(image), convention)),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, hash_image);
criterion_main!(benches);
