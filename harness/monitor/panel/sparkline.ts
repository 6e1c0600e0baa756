/**
 * Draws one series as a sparkline scaled to its own min..max (a flat series draws a flat line). Cheap: one path,
 * at most 120 points, called once a second and only while the panel is open and the page visible.
 */
export function drawSparkline(canvas: HTMLCanvasElement, values: readonly number[], color: string): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  if (values.length < 2) return;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min || 1;
  const stepX = width / (values.length - 1);
  ctx.beginPath();
  values.forEach((v, i) => {
    const x = i * stepX;
    const y = height - 2 - ((v - min) / span) * (height - 4);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}
