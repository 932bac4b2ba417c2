// Settings are stored as overrides: only what ops set, never the defaults (a default filled in at
// save time would silently win over the workspace's rules, and freeze today's defaults forever).
import { z } from 'zod';

/** The same fields as `schema`, all optional and without their defaults, unknown keys refused. */
export function overrideSchema<T extends z.ZodObject>(schema: T): z.ZodType<Partial<z.input<T>>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
      return [key, bare.optional()];
    }),
  );
  return z.strictObject(shape) as unknown as z.ZodType<Partial<z.input<T>>>;
}
