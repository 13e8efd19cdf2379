/**
 * Commander's classes with the types of @commander-js/extra-typings: the options and arguments a
 * command declares give the types of the values its action receives, so no command copies them
 * out with casts. The classes are commander's own; only their types come from extra-typings (its
 * runtime module is a second entry point that also builds a global program espace never uses).
 */
import { Argument as ArgumentClass, Command as CommandClass, Help as HelpClass, Option as OptionClass } from 'commander';
import type * as Typed from '@commander-js/extra-typings';

export const Command = CommandClass as unknown as typeof Typed.Command;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the defaults of extra-typings' own Command
export type Command<Args extends unknown[] = [], Opts extends Typed.OptionValues = {}, GlobalOpts extends Typed.OptionValues = {}> = Typed.Command<
  Args,
  Opts,
  GlobalOpts
>;
export const Option = OptionClass as unknown as typeof Typed.Option;
export type Option<
  Usage extends string = '',
  PresetT = undefined,
  DefaultT = undefined,
  CoerceT = undefined,
  Mandatory extends boolean = false,
  ChoicesT = undefined,
> = Typed.Option<Usage, PresetT, DefaultT, CoerceT, Mandatory, ChoicesT>;
export const Argument = ArgumentClass as unknown as typeof Typed.Argument;
export type Argument<
  Usage extends string = '',
  DefaultT = undefined,
  CoerceT = undefined,
  ArgRequired extends boolean | undefined = undefined,
  ChoicesT = undefined,
> = Typed.Argument<Usage, DefaultT, CoerceT, ArgRequired, ChoicesT>;
export const Help = HelpClass as unknown as typeof Typed.Help;
export type Help = Typed.Help;
export type { CommandUnknownOpts, OptionValues } from '@commander-js/extra-typings';
