using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Cybrid.Analyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace Cybrid.Analyzers.Benchmarks
{
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            BenchmarkOptions options;
            try
            {
                options = BenchmarkOptions.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(BenchmarkOptions.Usage);
                return 2;
            }

            if (options.Help)
            {
                Console.WriteLine(BenchmarkOptions.Usage);
                return 0;
            }

            if (options.WriteCorpusDirectory != null)
            {
                WriteCorpora(options);
                return 0;
            }

            if (options.Check)
            {
                return CheckCorpora(options);
            }

            var total = Stopwatch.StartNew();
            var report = new BenchmarkReport { StartedUtc = DateTime.UtcNow };
            (report.Commit, report.WorkingTreeDirty) = GitCommit();
            report.Environment["os"] = RuntimeInformation.OSDescription;
            report.Environment["processors"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
            report.Environment["runtime"] = RuntimeInformation.FrameworkDescription;
            report.Environment["roslyn"] = typeof(Compilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
            report.Environment["gc"] = (GCSettings.IsServerGC ? "server" : "workstation") + ", " + GCSettings.LatencyMode;
            report.Method["compile"] = "CSharpCompilation.Emit to a MemoryStream (no PDB) on a fresh Clone() of the corpus compilation, concurrentBuild: false; parsing is done once and not counted";
            report.Method["analyzers"] = "CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync on a fresh Clone() of the same compilation, concurrentAnalysis: false, logAnalyzerExecutionTime: true; Σ analyzers = sum of GetAnalyzerTelemetryInfoAsync(analyzer).ExecutionTime over the set";
            report.Method["wall"] = "wall time of GetAnalyzerDiagnosticsAsync, which includes the driver's own compile of the code; 'wall − baseline' subtracts the same-run wall time of the driver baseline, an analyzer with one no-op operation action (the driver binds, builds and walks every IOperation tree, as the SDK's default CA rules make it do in every build)";
            report.Method["cpu"] = "process CPU time (Process.TotalProcessorTime) of the same calls; 'CPU − baseline' is the driver-inclusive cost of a set and holds up better than wall time when other processes compete for the cores";
            report.Method["allocation"] = "GC.GetTotalAllocatedBytes(precise: true) difference around the Emit / GetAnalyzerDiagnosticsAsync call";
            report.Method["runs"] = (options.Warmup.HasValue ? options.Warmup.Value.ToString(CultureInfo.InvariantCulture) : "1 (0 for large corpora once the process is warm)") + " warm-up + " + options.Runs + " measured runs per corpus; in each run the compile and every set run once, the starting point rotating from run to run; a full GC before each step";
            report.Method["ratios"] = "every ratio (% of compile, × ours, − baseline) is taken between measurements of the same run, then the median over runs is reported";
            report.Method["peers"] = "restricted = only the peer's analyzer types that support one of the listed rules are loaded; the listed rules are forced to warning and every other rule of those types is suppressed through CompilationOptions.SpecificDiagnosticOptions; a type that reports several rules still runs whole";
            report.Method["mode"] = "separate = one driver run per set; combined = all sets in one driver run (their actions interleave per event, the order of the sets rotating from run to run); " + options.Mode + " here"
                                    + (options.Mode == "auto" ? " (combined from " + BenchmarkOptions.CombinedFromLines.ToString("N0", CultureInfo.InvariantCulture) + " lines)" : string.Empty);
            report.Method["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture);

            Console.WriteLine("Cybrid.Analyzers benchmark — commit " + report.Commit + (report.WorkingTreeDirty ? " (with uncommitted changes)" : string.Empty));
            Console.WriteLine("   " + string.Join("; ", report.Environment.Select(e => e.Key + " " + e.Value)));
            foreach (var method in report.Method)
            {
                Console.WriteLine("   " + method.Key + ": " + method.Value);
            }

            var references = Inputs.SharedFrameworkReferences();
            var sets = new List<AnalyzerSet> { AnalyzerSet.Ours() };
            Console.WriteLine();
            Console.WriteLine("   " + sets[0].Name + ": " + sets[0].Description + " — " + string.Join(", ", sets[0].Analyzers.Select(a => a.GetType().Name + " (" + sets[0].IdsOf(a) + ")")));
            foreach (var definition in PeerDefinition.All)
            {
                if (!options.Peers.Contains(definition.Key))
                {
                    continue;
                }

                var peer = LoadedPeer.Load(definition);
                var summary = new PeerSummary
                {
                    Name = definition.Name,
                    Package = definition.PackageId,
                    Version = peer.Version,
                    Loaded = peer.Set != null,
                    Rules = (peer.Set?.RuleIds ?? definition.RuleIds).ToList(),
                    Note = peer.Error,
                };
                if (peer.Set != null)
                {
                    sets.Add(peer.Set);
                    summary.Analyzers = peer.Set.Analyzers.Select(a => a.GetType().FullName ?? a.GetType().Name).ToList();
                    foreach (var descriptor in peer.Set.Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => peer.Set.RuleIds.Contains(d.Id)))
                    {
                        summary.RuleTitles[descriptor.Id] = descriptor.Title.ToString(CultureInfo.InvariantCulture);
                    }

                    Console.WriteLine("   " + definition.Name + ": " + peer.Set.Description + "; " + peer.Set.Analyzers.Length + " analyzer types run: "
                                      + string.Join(", ", peer.Set.Analyzers.Select(a => a.GetType().Name + " (" + peer.Set.IdsOf(a) + ")")));
                    foreach (var title in summary.RuleTitles)
                    {
                        Console.WriteLine("      " + title.Key + " " + title.Value);
                    }

                    if (peer.Error != null)
                    {
                        Console.WriteLine("      note: " + peer.Error);
                    }
                }
                else
                {
                    Console.WriteLine("   " + definition.Name + ": not measured — " + peer.Error);
                }

                report.Peers.Add(summary);
            }

            sets.Add(AnalyzerSet.Baseline());

            var inputs = new List<Func<CorpusInput?>>();
            if (options.Sample)
            {
                inputs.Add(Inputs.Sample);
            }

            foreach (var size in options.Sizes)
            {
                inputs.Add(() => new CorpusInput(BenchmarkOptions.SizeLabel(size), CorpusGenerator.Generate(size, options.Seed), OutputKind.DynamicallyLinkedLibrary));
            }

            var failed = false;
            var warm = false;
            foreach (var next in inputs)
            {
                var input = next();
                if (input == null)
                {
                    Console.WriteLine();
                    Console.WriteLine("== corpus sample: skipped (samples/Cybrid.Sample not found above " + AppContext.BaseDirectory + ")");
                    continue;
                }

                Console.Error.WriteLine("corpus " + input.Name + " (" + input.Lines.ToString("N0", CultureInfo.InvariantCulture) + " lines):");
                var measurement = await Runner.MeasureAsync(input, references, sets, options.IsCombined(input.Lines), options.WarmupFor(input.Lines, warm), options.Runs, Console.Error.Write).ConfigureAwait(false);
                warm = true;
                if (measurement.CompileErrors.Count > 0)
                {
                    failed = true;
                    Console.WriteLine();
                    Console.WriteLine("== corpus " + input.Name + ": not measured, " + measurement.CompileErrors.Count + " compiler errors; first:");
                    foreach (var error in measurement.CompileErrors.Take(10))
                    {
                        Console.WriteLine("   " + error);
                    }

                    continue;
                }

                var corpus = Report.Summarize(measurement);
                report.Corpora.Add(corpus);
                Report.PrintCorpus(Console.Out, corpus);
            }

            report.TotalSeconds = Math.Round(total.Elapsed.TotalSeconds, 1);
            Report.PrintOverview(Console.Out, report);
            Console.WriteLine();
            Console.WriteLine("   total " + report.TotalSeconds.ToString("N0", CultureInfo.InvariantCulture) + " s");
            if (options.JsonPath != null)
            {
                Report.WriteJson(options.JsonPath, report);
                Console.WriteLine("   JSON written to " + Path.GetFullPath(options.JsonPath));
            }

            return failed ? 1 : 0;
        }

        /// <summary>Compiles each generated corpus as the benchmark does and lists what the compiler reports.</summary>
        private static int CheckCorpora(BenchmarkOptions options)
        {
            var references = Inputs.SharedFrameworkReferences();
            var errors = 0;
            foreach (var size in options.Sizes)
            {
                var files = CorpusGenerator.Generate(size, options.Seed);
                var trees = files.Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(f.Text, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), "/corpus/" + f.Path));
                var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                    CorpusGenerator.AssemblyName,
                    trees,
                    references,
                    new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                var diagnostics = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
                var corpusErrors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                errors += corpusErrors;
                Console.WriteLine(BenchmarkOptions.SizeLabel(size) + ": " + files.Count + " files, " + files.Sum(f => f.LineCount).ToString("N0", CultureInfo.InvariantCulture) + " lines, "
                                  + corpusErrors + " errors, " + (diagnostics.Count - corpusErrors) + " warnings "
                                  + string.Join(" ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + ":" + g.Count())));
                foreach (var diagnostic in diagnostics.Take(20))
                {
                    Console.WriteLine("   " + diagnostic);
                }
            }

            return errors > 0 ? 1 : 0;
        }

        private static void WriteCorpora(BenchmarkOptions options)
        {
            foreach (var size in options.Sizes)
            {
                var root = Path.Combine(options.WriteCorpusDirectory!, BenchmarkOptions.SizeLabel(size));
                var files = CorpusGenerator.Generate(size, options.Seed);
                foreach (var file in files)
                {
                    var path = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, file.Text);
                }

                Console.WriteLine(root + ": " + files.Count + " files, " + files.Sum(f => f.LineCount).ToString("N0", CultureInfo.InvariantCulture) + " lines");
            }
        }

        /// <summary>The commit the analyzers were built from, read with git from the repository above the program.</summary>
        private static (string Commit, bool Dirty) GitCommit()
        {
            var root = Inputs.RepositoryRoot();
            if (root == null)
            {
                return ("unknown", false);
            }

            var head = Git(root, "rev-parse --short=12 HEAD");
            var status = Git(root, "status --porcelain --untracked-files=no");
            return (string.IsNullOrWhiteSpace(head) ? "unknown" : head!.Trim(), !string.IsNullOrWhiteSpace(status));
        }

        private static string? Git(string directory, string arguments)
        {
            try
            {
                var start = new ProcessStartInfo("git", arguments)
                {
                    WorkingDirectory = directory,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                using var process = Process.Start(start);
                if (process == null)
                {
                    return null;
                }

                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return process.ExitCode == 0 ? output : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
    }
}
