using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Cybrid.Analyzers.PackageTests
{
    /// <summary>The result of one <c>dotnet</c> command.</summary>
    public sealed class CommandResult
    {
        public CommandResult(string command, int exitCode, string output)
        {
            Command = command;
            ExitCode = exitCode;
            Output = output;
        }

        public string Command { get; }

        public int ExitCode { get; }

        public string Output { get; }

        public override string ToString() => "$ " + Command + " (exit " + ExitCode + ")\n" + Output;
    }

    /// <summary>
    /// Runs the dotnet CLI in a clean environment: no CI variables (each test sets the ones it means), no MSBuild
    /// variables inherited from the test host, no build servers left behind.
    /// </summary>
    public static class DotNet
    {
        private static readonly string[] CiVariables = { "CI", "TF_BUILD", "GITHUB_ACTIONS", "ContinuousIntegrationBuild" };

        public static CommandResult Run(string workingDirectory, string arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 600)
        {
            var start = new ProcessStartInfo("dotnet", arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            foreach (var key in new List<string>(start.Environment.Keys))
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                    || Array.IndexOf(CiVariables, key) >= 0)
                {
                    start.Environment.Remove(key);
                }
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            if (environment != null)
            {
                foreach (var pair in environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
            }

            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet " + arguments + " did not finish in " + timeoutSeconds + " s\n" + output);
            }

            process.WaitForExit();
            return new CommandResult("dotnet " + arguments, process.ExitCode, output.ToString());
        }

        public static string RepositoryRoot { get; } = FindRepositoryRoot();

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Cybrid.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Cybrid.Analyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
