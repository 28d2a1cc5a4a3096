/**
 * Each fake class declares which methods of Google's interface it implements, through
 * `Checked<GoogleInterface, 'method' | …>`: the parameter lists must accept what Google's
 * declare (from @types/google-apps-script), and a method returning a string, number, boolean or
 * an array of them must return the same type. Methods returning Google objects may return the
 * fakes (a FakeRange where Google returns a Range), and parameters that are Google objects take
 * the fakes, which is why those two are left loose: it is a checked subset, not the whole API.
 * A fake method with a wrong name, a missing parameter or a wrong return type does not compile.
 */
type Primitive = string | number | boolean | null | undefined | void;

/** Google objects (Range, Sheet, Date, option bags) become `never` as parameters: the fake may take its own. */
type LooseParameter<P> = P extends Primitive ? P : P extends readonly unknown[] ? P : never;
type LooseParameters<A extends unknown[]> = { [I in keyof A]: LooseParameter<A[I]> };

/** Primitive results (and arrays of them) are checked exactly; a Google object may be a fake. */
type LooseResult<R> = R extends Primitive ? R : R extends readonly (infer E)[] ? LooseResult<E>[] : unknown;

export type Checked<Google, Names extends keyof Google> = {
  [Name in Names]: Google[Name] extends (...args: infer A) => infer R ? (...args: LooseParameters<A>) => LooseResult<R> : Google[Name];
};
