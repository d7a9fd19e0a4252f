using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Cybrid.Analyzers.Benchmarks
{
    /// <summary>One timed compile: Emit to a MemoryStream.</summary>
    internal sealed class CompileRun
    {
        public double Milliseconds { get; set; }

        /// <summary>Process CPU time of the Emit (robust where other processes compete for the cores).</summary>
        public double CpuMilliseconds { get; set; }

        public long AllocatedBytes { get; set; }
    }

    /// <summary>One timed analyzer run of one set.</summary>
    internal sealed class SetRun
    {
        /// <summary>Σ of the analyzers' execution times (driver telemetry).</summary>
        public double ExecutionMilliseconds { get; set; }

        /// <summary>Wall time of GetAnalyzerDiagnosticsAsync: the driver's compile of the code plus the analyzers (separate mode only).</summary>
        public double? WallMilliseconds { get; set; }

        /// <summary>Process CPU time of GetAnalyzerDiagnosticsAsync (separate mode only).</summary>
        public double? CpuMilliseconds { get; set; }

        /// <summary>Bytes allocated during GetAnalyzerDiagnosticsAsync (separate mode only).</summary>
        public long? AllocatedBytes { get; set; }

        public Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo> Telemetry { get; } = new Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();

        public SortedDictionary<string, int> Findings { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        public List<string> Exceptions { get; } = new List<string>();
    }

    /// <summary>Everything measured on one corpus.</summary>
    internal sealed class CorpusMeasurement
    {
        public CorpusMeasurement(CorpusInput input, IReadOnlyList<AnalyzerSet> sets)
        {
            Input = input;
            Sets = sets;
        }

        public CorpusInput Input { get; }

        /// <summary>True when all sets ran in one driver run per measured run (no per-set wall time or allocation).</summary>
        public bool Combined { get; set; }

        /// <summary>Combined mode: wall time of the one driver run, per measured run.</summary>
        public List<double> CombinedWallMilliseconds { get; } = new List<double>();

        /// <summary>Combined mode: process CPU time of the one driver run, per measured run.</summary>
        public List<double> CombinedCpuMilliseconds { get; } = new List<double>();

        /// <summary>Combined mode: allocation of the one driver run, per measured run.</summary>
        public List<long> CombinedAllocatedBytes { get; } = new List<long>();

        public IReadOnlyList<AnalyzerSet> Sets { get; }

        public double ParseMilliseconds { get; set; }

        public List<string> CompileErrors { get; } = new List<string>();

        public int CompileWarnings { get; set; }

        public List<CompileRun> CompileRuns { get; } = new List<CompileRun>();

        /// <summary>Per set (same order as <see cref="Sets"/>), one entry per measured run.</summary>
        public List<List<SetRun>> SetRuns { get; } = new List<List<SetRun>>();
    }

    /// <summary>
    /// Measures one corpus: parse once, then per run a compile (Emit) and the analyzer sets, each on a fresh copy of
    /// the same compilation, in an order that rotates from run to run. In separate mode every set has a driver run
    /// of its own (so its wall time and allocation can be told apart); in combined mode all sets share one driver
    /// run, as analyzers do in a real build, which costs one compile of the code instead of one per set.
    /// </summary>
    internal static class Runner
    {
        public static async Task<CorpusMeasurement> MeasureAsync(CorpusInput input, ImmutableArray<MetadataReference> references, IReadOnlyList<AnalyzerSet> allSets, bool combined, int warmup, int runs, Action<string> progress)
        {
            // the driver baseline only means something next to separate runs
            var sets = combined ? allSets.Where(s => !s.IsBaseline).ToList() : allSets.ToList();
            var result = new CorpusMeasurement(input, sets) { Combined = combined };
            foreach (var _ in sets)
            {
                result.SetRuns.Add(new List<SetRun>());
            }

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var stopwatch = Stopwatch.StartNew();
            var trees = new SyntaxTree[input.Files.Count];
            for (var i = 0; i < trees.Length; i++)
            {
                trees[i] = CSharpSyntaxTree.ParseText(input.Files[i].Text, parseOptions, "/corpus/" + input.Files[i].Path);
            }

            result.ParseMilliseconds = stopwatch.Elapsed.TotalMilliseconds;

            // single-threaded compile and analysis, so that the analyzers' summed callback times and the compile
            // time are the same kind of number (CPU work on one thread)
            var options = new CSharpCompilationOptions(
                input.OutputKind,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false,
                deterministic: true);
            var baseCompilation = CSharpCompilation.Create(Corpus.CorpusGenerator.AssemblyName, trees, references, options);

            // the compiler's own diagnostics come from the first Emit (no separate compile just to check)
            var checkedDiagnostics = false;
            var steps = combined ? 2 : sets.Count + 1; // the compile, then each set (or all sets at once)
            for (var run = -warmup; run < runs; run++)
            {
                var measured = run >= 0;
                progress((measured ? "run " + (run + 1) + "/" + runs : "warm-up") + " ");
                var offset = ((run % steps) + steps) % steps;
                for (var k = 0; k < steps; k++)
                {
                    var step = (k + offset) % steps;
                    Collect();
                    if (step == 0)
                    {
                        var (compile, diagnostics) = Compile(baseCompilation);
                        if (!checkedDiagnostics)
                        {
                            checkedDiagnostics = true;
                            foreach (var diagnostic in diagnostics)
                            {
                                if (diagnostic.Severity == DiagnosticSeverity.Error)
                                {
                                    result.CompileErrors.Add(diagnostic.ToString());
                                }
                                else if (diagnostic.Severity == DiagnosticSeverity.Warning)
                                {
                                    result.CompileWarnings++;
                                }
                            }

                            if (result.CompileErrors.Count > 0)
                            {
                                progress(" compiler errors: not measured\n");
                                return result;
                            }
                        }

                        if (measured)
                        {
                            result.CompileRuns.Add(compile);
                        }
                    }
                    else if (combined)
                    {
                        var (setRuns, wall, cpu, allocated) = await AnalyzeCombinedAsync(baseCompilation, sets, offset).ConfigureAwait(false);
                        if (measured)
                        {
                            for (var s = 0; s < sets.Count; s++)
                            {
                                result.SetRuns[s].Add(setRuns[s]);
                            }

                            result.CombinedWallMilliseconds.Add(wall);
                            result.CombinedCpuMilliseconds.Add(cpu);
                            result.CombinedAllocatedBytes.Add(allocated);
                        }
                    }
                    else
                    {
                        var set = sets[step - 1];
                        var setRun = await AnalyzeAsync(baseCompilation, set).ConfigureAwait(false);
                        if (measured)
                        {
                            result.SetRuns[step - 1].Add(setRun);
                        }
                    }

                    progress(".");
                }

                progress("\n");
            }

            return result;
        }

        private static (CompileRun Run, ImmutableArray<Diagnostic> Diagnostics) Compile(CSharpCompilation baseCompilation)
        {
            var compilation = baseCompilation.Clone();
            using var stream = new MemoryStream();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = CpuTime();
            var stopwatch = Stopwatch.StartNew();
            var emit = compilation.Emit(stream);
            stopwatch.Stop();
            var run = new CompileRun
            {
                Milliseconds = stopwatch.Elapsed.TotalMilliseconds,
                CpuMilliseconds = CpuTime() - cpu,
                AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated,
            };
            return (run, emit.Diagnostics);
        }

        private static async Task<SetRun> AnalyzeAsync(CSharpCompilation baseCompilation, AnalyzerSet set)
        {
            var options = baseCompilation.Options.WithSpecificDiagnosticOptions(baseCompilation.Options.SpecificDiagnosticOptions.SetItems(set.SpecificOptions));
            var compilation = baseCompilation.Clone().WithOptions(options);
            var run = new SetRun();
            var exceptions = new ConcurrentQueue<string>();
            var analysisOptions = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, analysisOptions);

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = CpuTime();
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            stopwatch.Stop();
            run.CpuMilliseconds = CpuTime() - cpu;
            run.AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            run.WallMilliseconds = stopwatch.Elapsed.TotalMilliseconds;

            foreach (var analyzer in set.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                run.Telemetry[analyzer] = telemetry;
                run.ExecutionMilliseconds += telemetry.ExecutionTime.TotalMilliseconds;
            }

            foreach (var diagnostic in diagnostics)
            {
                run.Findings.TryGetValue(diagnostic.Id, out var count);
                run.Findings[diagnostic.Id] = count + 1;
            }

            run.Exceptions.AddRange(exceptions);
            return run;
        }

        private static async Task<(List<SetRun> Runs, double Wall, double Cpu, long Allocated)> AnalyzeCombinedAsync(CSharpCompilation baseCompilation, IReadOnlyList<AnalyzerSet> sets, int rotation)
        {
            var specific = baseCompilation.Options.SpecificDiagnosticOptions;
            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            var owner = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var k = 0; k < sets.Count; k++)
            {
                // the order in which the driver calls the sets' actions rotates too
                var s = (k + rotation) % sets.Count;
                specific = specific.SetItems(sets[s].SpecificOptions);
                analyzers.AddRange(sets[s].Analyzers);
                foreach (var descriptor in sets[s].Analyzers.SelectMany(a => a.SupportedDiagnostics))
                {
                    owner[descriptor.Id] = s;
                }
            }

            var compilation = baseCompilation.Clone().WithOptions(baseCompilation.Options.WithSpecificDiagnosticOptions(specific));
            var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer Analyzer, string Text)>();
            var analysisOptions = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Enqueue((analyzer, analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message)),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers.ToImmutable(), analysisOptions);

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = CpuTime();
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            stopwatch.Stop();
            cpu = CpuTime() - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

            var runs = new List<SetRun>();
            foreach (var set in sets)
            {
                var run = new SetRun();
                foreach (var analyzer in set.Analyzers)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                    run.Telemetry[analyzer] = telemetry;
                    run.ExecutionMilliseconds += telemetry.ExecutionTime.TotalMilliseconds;
                }

                run.Exceptions.AddRange(exceptions.Where(e => set.Analyzers.Contains(e.Analyzer)).Select(e => e.Text));
                runs.Add(run);
            }

            foreach (var diagnostic in diagnostics)
            {
                if (owner.TryGetValue(diagnostic.Id, out var s))
                {
                    runs[s].Findings.TryGetValue(diagnostic.Id, out var count);
                    runs[s].Findings[diagnostic.Id] = count + 1;
                }
            }

            return (runs, stopwatch.Elapsed.TotalMilliseconds, cpu, allocated);
        }

        /// <summary>CPU time of this process so far (all threads), in milliseconds.</summary>
        private static double CpuTime()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime.TotalMilliseconds;
        }

        private static void Collect()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }
}
