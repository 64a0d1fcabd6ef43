/**
 * A progress line on stderr for work that takes longer than a second — only when stderr is a
 * terminal (never in CI logs or pipes). `stop()` erases it before the report is printed.
 */
export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr, delayMs = 1000): { stop(): void } {
  if (!stream.isTTY) return { stop: () => undefined };
  const started = Date.now();
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let shown = false;
  const tick = (): void => {
    shown = true;
    frame = (frame + 1) % frames.length;
    stream.write(`\r${frames[frame]} steer: ${label} ${((Date.now() - started) / 1000).toFixed(1)} s `);
  };
  let interval: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    tick();
    interval = setInterval(tick, 150);
    interval.unref();
  }, delayMs);
  timer.unref();
  return {
    stop() {
      clearTimeout(timer);
      if (interval) clearInterval(interval);
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
