using Observability.Eval;

return EvalProgram.Run(args, Console.Out, Console.Error);
