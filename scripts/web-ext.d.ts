/** The part of web-ext's API that scripts/lint-firefox.ts uses (the package ships no types). */
declare module 'web-ext' {
  const webExt: {
    cmd: { lint(params: Record<string, unknown>, options: { shouldExitProgram: boolean }): Promise<unknown> };
  };
  export default webExt;
}
