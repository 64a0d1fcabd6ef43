// examples/github/*.yml, bundled as text (esbuild `loader: { '.yml': 'text' }`) for `steer init --ci github`.
declare module '*.yml' {
  const text: string;
  export default text;
}
