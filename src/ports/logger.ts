/** The slice of a structured logger that inner layers use (pino satisfies it). */
export interface Logger {
  info(obj: object, message?: string): void;
  warn(obj: object, message?: string): void;
  error(obj: object, message?: string): void;
}
