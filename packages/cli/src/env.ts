/** Whether an on-by-default feature is switched off by its variable (`0`, `off`, `false`, `no`). */
export function switchedOff(variable: string): boolean {
  const v = process.env[variable];
  return v !== undefined && /^(0|off|false|no)$/i.test(v);
}
