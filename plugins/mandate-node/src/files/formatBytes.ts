const UNITS = ['bytes', 'KiB', 'MiB', 'GiB'];

/** `1048576` -> `1 MiB`: limits in messages read like the configuration that sets them. @public */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Number.isInteger(value) ? value : value.toFixed(1);
  return `${rounded} ${UNITS[unit]}`;
}
