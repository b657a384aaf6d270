import { shanmeiProgram } from './program.js';

await shanmeiProgram().parseAsync(process.argv);
