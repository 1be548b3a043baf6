/** One Dockerfile instruction: keyword (upper case), its flags (`--from=build`) and the rest. */
export interface Instruction {
  keyword: string;
  flags: Record<string, string>;
  args: string;
}

export interface Stage {
  base: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Parses a Dockerfile into stages: continuation lines joined, comments and the parser directive dropped. */
export function parseDockerfile(text: string): { args: Instruction[]; stages: Stage[] } {
  const joined = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const args: Instruction[] = [];
  const stages: Stage[] = [];
  for (const line of joined.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(trimmed) ?? [];
    const flags: Record<string, string> = {};
    let body = rest;
    for (let flag = /^--([\w-]+)=(\S+)\s+/.exec(body); flag; flag = /^--([\w-]+)=(\S+)\s+/.exec(body)) {
      flags[flag[1]!] = flag[2]!;
      body = body.slice(flag[0].length);
    }
    const instruction = { keyword: keyword.toUpperCase(), flags, args: body.trim() };
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.args.split(/\s+/);
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      args.push(instruction);
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  }
  return { args, stages };
}

/** The JSON (exec) form of CMD, ENTRYPOINT or HEALTHCHECK CMD; throws on the shell form. */
export function execForm(args: string): string[] {
  const json = args.replace(/^CMD\s+/, '');
  if (!json.startsWith('[')) throw new Error(`not the exec form: ${args}`);
  return JSON.parse(json) as string[];
}
