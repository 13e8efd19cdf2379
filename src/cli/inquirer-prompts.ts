/**
 * The prompts espace shows, each from its own package: @inquirer/prompts' index would bundle every
 * prompt, the editor prompt's encoding tables among them (≈ 0.5 MB).
 */
export { default as input } from '@inquirer/input';
export { default as password } from '@inquirer/password';
export { default as select } from '@inquirer/select';
