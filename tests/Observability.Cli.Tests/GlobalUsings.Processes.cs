global using Observability.Tests.Processes;
