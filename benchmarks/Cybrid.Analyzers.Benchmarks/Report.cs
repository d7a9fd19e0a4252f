using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Cybrid.Analyzers.Benchmarks
{
    /// <summary>The results as written to JSON; the table on stdout shows the same numbers.</summary>
    internal sealed class BenchmarkReport
    {
        public string Commit { get; set; } = "unknown";

        public bool WorkingTreeDirty { get; set; }

        public DateTime StartedUtc { get; set; }

        public double TotalSeconds { get; set; }

        public Dictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        public Dictionary<string, string> Method { get; set; } = new Dictionary<string, string>();

        public List<PeerSummary> Peers { get; set; } = new List<PeerSummary>();

        public List<CorpusSummary> Corpora { get; set; } = new List<CorpusSummary>();
    }

    internal sealed class PeerSummary
    {
        public string Name { get; set; } = string.Empty;

        public string Package { get; set; } = string.Empty;

        public string Version { get; set; } = string.Empty;

        public bool Loaded { get; set; }

        public List<string> Rules { get; set; } = new List<string>();

        public Dictionary<string, string> RuleTitles { get; set; } = new Dictionary<string, string>();

        /// <summary>The analyzer types that run (they support at least one of the rules).</summary>
        public List<string> Analyzers { get; set; } = new List<string>();

        public string? Note { get; set; }
    }

    internal sealed class CorpusSummary
    {
        public string Name { get; set; } = string.Empty;

        public int Files { get; set; }

        public int Lines { get; set; }

        public Dictionary<string, int> LinesByKind { get; set; } = new Dictionary<string, int>();

        public double ParseMs { get; set; }

        public int CompileErrors { get; set; }

        public int CompileWarnings { get; set; }

        public double CompileMs { get; set; }

        public List<double> CompileMsRuns { get; set; } = new List<double>();

        /// <summary>Median process CPU time of the compile.</summary>
        public double CompileCpuMs { get; set; }

        public double CompileAllocatedMB { get; set; }

        /// <summary><c>separate</c>: one driver run per set; <c>combined</c>: all sets in one driver run.</summary>
        public string Mode { get; set; } = "separate";

        /// <summary>Combined mode: median wall time of the one driver run (the driver's compile plus every set).</summary>
        public double? CombinedWallMs { get; set; }

        /// <summary>Combined mode: median process CPU time of the one driver run.</summary>
        public double? CombinedCpuMs { get; set; }

        /// <summary>Combined mode: median allocation of the one driver run.</summary>
        public double? CombinedAllocatedMB { get; set; }

        public List<SetSummary> Sets { get; set; } = new List<SetSummary>();
    }

    internal sealed class SetSummary
    {
        public string Name { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public int AnalyzerCount { get; set; }

        /// <summary>Median over runs of Σ analyzer execution time.</summary>
        public double ExecutionMs { get; set; }

        public List<double> ExecutionMsRuns { get; set; } = new List<double>();

        /// <summary>Median over runs of (Σ execution time / compile time of the same run), in percent.</summary>
        public double PercentOfCompile { get; set; }

        /// <summary>Median over runs of (this set's Σ / our Σ in the same run); null for ours.</summary>
        public double? TimesOurs { get; set; }

        /// <summary>
        /// The rules of this peer set that do the same job as a shipped rule of ours, against those rules of ours:
        /// median over runs of (Σ of the peer's analyzers for those rules / Σ of ours for their counterparts); null
        /// when the set has none. The overview's × ours compares all six rules with the peer's whole subset, which
        /// also holds rules for checks we have only planned.
        /// </summary>
        public LikeForLikeSummary? LikeForLike { get; set; }

        /// <summary>Median wall time of this set's own driver run (separate mode only).</summary>
        public double? WallMs { get; set; }

        /// <summary>Median process CPU time of this set's own driver run (separate mode only).</summary>
        public double? CpuMs { get; set; }

        /// <summary>Median over runs of (CPU time − the driver baseline's CPU time in the same run): what the set adds to the driver's own work.</summary>
        public double? CpuOverBaselineMs { get; set; }

        /// <summary>Median over runs of (wall time − the driver baseline's wall time in the same run).</summary>
        public double? WallOverBaselineMs { get; set; }

        /// <summary>Median allocation during this set's own driver run (separate mode only).</summary>
        public double? AllocatedMB { get; set; }

        /// <summary>Median over runs of (allocation − the driver baseline's allocation in the same run).</summary>
        public double? AllocatedOverBaselineMB { get; set; }

        public SortedDictionary<string, int> Findings { get; set; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        public List<string> AnalyzerExceptions { get; set; } = new List<string>();

        public List<AnalyzerSummary> PerAnalyzer { get; set; } = new List<AnalyzerSummary>();
    }

    internal sealed class LikeForLikeSummary
    {
        /// <summary>Peer rule → our rule, for the pairs in this comparison.</summary>
        public SortedDictionary<string, string> Pairs { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Median over runs of Σ of the peer's analyzers for the paired rules.</summary>
        public double PeerMs { get; set; }

        /// <summary>Median over runs of Σ of our analyzers for the paired rules.</summary>
        public double OursMs { get; set; }

        /// <summary>Median over runs of the same-run ratio PeerMs / OursMs.</summary>
        public double TimesOurs { get; set; }
    }

    internal sealed class AnalyzerSummary
    {
        public string Analyzer { get; set; } = string.Empty;

        public string Rules { get; set; } = string.Empty;

        public double ExecutionMs { get; set; }

        public double PercentOfCompile { get; set; }

        /// <summary>What the analyzer registered (driver telemetry), e.g. "operation 4, syntax tree 1".</summary>
        public string Actions { get; set; } = string.Empty;
    }

    internal static class Report
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        public static CorpusSummary Summarize(CorpusMeasurement m)
        {
            var runs = m.CompileRuns.Count;
            var compile = m.CompileRuns.Select(r => r.Milliseconds).ToList();
            var summary = new CorpusSummary
            {
                Name = m.Input.Name,
                Files = m.Input.Files.Count,
                Lines = m.Input.Lines,
                ParseMs = Round(m.ParseMilliseconds),
                CompileErrors = m.CompileErrors.Count,
                CompileWarnings = m.CompileWarnings,
                CompileMs = Round(Median(compile)),
                CompileMsRuns = compile.Select(v => Round(v)).ToList(),
                CompileCpuMs = Round(Median(m.CompileRuns.Select(r => r.CpuMilliseconds))),
                CompileAllocatedMB = Round(Median(m.CompileRuns.Select(r => r.AllocatedBytes / 1048576.0))),
                Mode = m.Combined ? "combined" : "separate",
            };
            if (m.Combined)
            {
                summary.CombinedWallMs = Round(Median(m.CombinedWallMilliseconds));
                summary.CombinedCpuMs = Round(Median(m.CombinedCpuMilliseconds));
                summary.CombinedAllocatedMB = Round(Median(m.CombinedAllocatedBytes.Select(b => b / 1048576.0)));
            }

            foreach (var group in m.Input.Files.GroupBy(f => f.Kind).OrderByDescending(g => g.Sum(f => f.LineCount)))
            {
                summary.LinesByKind[group.Key] = group.Sum(f => f.LineCount);
            }

            var oursIndex = IndexOf(m.Sets, s => s.IsOurs);
            var baselineIndex = IndexOf(m.Sets, s => s.IsBaseline);
            for (var s = 0; s < m.Sets.Count; s++)
            {
                var set = m.Sets[s];
                var setRuns = m.SetRuns[s];
                var result = new SetSummary
                {
                    Name = set.Name,
                    Description = set.Description,
                    AnalyzerCount = set.Analyzers.Length,
                    ExecutionMs = Round(Median(setRuns.Select(r => r.ExecutionMilliseconds))),
                    ExecutionMsRuns = setRuns.Select(r => Round(r.ExecutionMilliseconds)).ToList(),
                    PercentOfCompile = Round(Median(Enumerable.Range(0, runs).Select(r => 100.0 * setRuns[r].ExecutionMilliseconds / m.CompileRuns[r].Milliseconds)), 3),
                };
                if (!m.Combined)
                {
                    result.WallMs = Round(Median(setRuns.Select(r => r.WallMilliseconds ?? double.NaN)));
                    result.CpuMs = Round(Median(setRuns.Select(r => r.CpuMilliseconds ?? double.NaN)));
                    result.AllocatedMB = Round(Median(setRuns.Select(r => (r.AllocatedBytes ?? 0) / 1048576.0)));
                }

                if (oursIndex >= 0 && s != oursIndex && !set.IsBaseline)
                {
                    var ours = m.SetRuns[oursIndex];
                    result.TimesOurs = Round(Median(Enumerable.Range(0, runs).Select(r => setRuns[r].ExecutionMilliseconds / Math.Max(ours[r].ExecutionMilliseconds, 0.001))), 1);
                }

                if (oursIndex >= 0 && s != oursIndex && !set.IsBaseline)
                {
                    result.LikeForLike = LikeForLike(set, setRuns, m.Sets[oursIndex], m.SetRuns[oursIndex], runs);
                }

                if (baselineIndex >= 0 && s != baselineIndex && !m.Combined)
                {
                    var baseline = m.SetRuns[baselineIndex];
                    result.CpuOverBaselineMs = Round(Median(Enumerable.Range(0, runs).Select(r => (setRuns[r].CpuMilliseconds - baseline[r].CpuMilliseconds) ?? double.NaN)));
                    result.WallOverBaselineMs = Round(Median(Enumerable.Range(0, runs).Select(r => (setRuns[r].WallMilliseconds - baseline[r].WallMilliseconds) ?? double.NaN)));
                    result.AllocatedOverBaselineMB = Round(Median(Enumerable.Range(0, runs).Select(r => ((setRuns[r].AllocatedBytes - baseline[r].AllocatedBytes) ?? 0) / 1048576.0)));
                }

                var last = setRuns[setRuns.Count - 1];
                foreach (var finding in last.Findings)
                {
                    if (set.IsOurs || set.RuleIds.Contains(finding.Key) || finding.Key == "AD0001")
                    {
                        result.Findings[finding.Key] = finding.Value;
                    }
                }

                result.AnalyzerExceptions.AddRange(setRuns.SelectMany(r => r.Exceptions).Distinct().Take(5));
                if (!set.IsBaseline)
                {
                    foreach (var analyzer in set.Analyzers)
                    {
                        result.PerAnalyzer.Add(new AnalyzerSummary
                        {
                            Analyzer = analyzer.GetType().Name,
                            Rules = set.IdsOf(analyzer),
                            ExecutionMs = Round(Median(setRuns.Select(r => r.Telemetry[analyzer].ExecutionTime.TotalMilliseconds))),
                            PercentOfCompile = Round(Median(Enumerable.Range(0, runs).Select(r => 100.0 * setRuns[r].Telemetry[analyzer].ExecutionTime.TotalMilliseconds / m.CompileRuns[r].Milliseconds)), 3),
                            Actions = Actions(last.Telemetry[analyzer]),
                        });
                    }
                }

                summary.Sets.Add(result);
            }

            return summary;
        }

        /// <summary>
        /// Peer rules that do the job of a shipped rule of ours. S4423 and S4830 (weak TLS, disabled certificate
        /// validation) and the NetAnalyzers and Meziantou rules stand for checks we have only planned, so they pair with
        /// nothing yet.
        /// </summary>
        private static readonly IReadOnlyDictionary<string, string> Counterparts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["S2068"] = "CYB0001", // hard-coded credentials
            ["S6418"] = "CYB0001", // hard-coded secrets
            ["S5332"] = "CYB0004", // clear-text protocols
            ["SCS0015"] = "CYB0001", // hard-coded password
        };

        private static LikeForLikeSummary? LikeForLike(AnalyzerSet peer, List<SetRun> peerRuns, AnalyzerSet ours, List<SetRun> ourRuns, int runs)
        {
            var pairs = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var peerAnalyzers = new List<DiagnosticAnalyzer>();
            foreach (var analyzer in peer.Analyzers)
            {
                var paired = false;
                foreach (var id in peer.IdsOf(analyzer).Split('+'))
                {
                    if (Counterparts.TryGetValue(id, out var counterpart))
                    {
                        pairs[id] = counterpart;
                        paired = true;
                    }
                }

                if (paired)
                {
                    peerAnalyzers.Add(analyzer);
                }
            }

            var ourAnalyzers = ours.Analyzers.Where(a => ours.IdsOf(a).Split('+').Any(id => pairs.ContainsValue(id))).ToList();
            if (peerAnalyzers.Count == 0 || ourAnalyzers.Count == 0)
            {
                return null;
            }

            double Sum(List<DiagnosticAnalyzer> analyzers, SetRun run) => analyzers.Sum(a => run.Telemetry[a].ExecutionTime.TotalMilliseconds);
            return new LikeForLikeSummary
            {
                Pairs = pairs,
                PeerMs = Round(Median(peerRuns.Take(runs).Select(r => Sum(peerAnalyzers, r)))),
                OursMs = Round(Median(ourRuns.Take(runs).Select(r => Sum(ourAnalyzers, r)))),
                TimesOurs = Round(Median(Enumerable.Range(0, runs).Select(r => Sum(peerAnalyzers, peerRuns[r]) / Math.Max(Sum(ourAnalyzers, ourRuns[r]), 0.001))), 1),
            };
        }

        public static void PrintCorpus(TextWriter output, CorpusSummary c)
        {
            output.WriteLine();
            var kinds = string.Join(", ", c.LinesByKind.Select(k => k.Key + " " + Percent(100.0 * k.Value / Math.Max(1, c.Lines), 0)));
            output.WriteLine($"== corpus {c.Name}: {c.Files:N0} files, {c.Lines:N0} lines ({kinds})");
            output.WriteLine($"   parse {c.ParseMs:N0} ms (once); compile = Emit to memory, 1 thread: {c.CompileMs:N0} ms median ({c.CompileCpuMs:N0} ms CPU), {c.CompileAllocatedMB:N0} MB allocated; "
                             + $"compiler errors {c.CompileErrors}, warnings {c.CompileWarnings}");
            output.WriteLine(c.Mode == "combined"
                ? $"   mode combined: all sets in one driver run per run ({Ms(c.CombinedWallMs ?? 0)} ms wall, {Ms(c.CombinedCpuMs ?? 0)} ms CPU, {c.CombinedAllocatedMB ?? 0:N0} MB allocated); no per-set wall time, CPU time or allocation"
                : "   mode separate: one driver run per set; '− baseline' = minus the same-run figure of the driver baseline");
            var table = new Table("set", "Σ analyzers ms", "% of compile", "× ours", "wall ms", "CPU ms", "CPU − baseline", "alloc MB", "alloc − baseline", "findings");
            foreach (var s in c.Sets)
            {
                table.Add(
                    s.Name,
                    Ms(s.ExecutionMs),
                    s.Name == "(driver baseline)" ? "-" : Percent(s.PercentOfCompile, 2),
                    s.TimesOurs.HasValue ? s.TimesOurs.Value.ToString("N1", CultureInfo.InvariantCulture) + "×" : "-",
                    s.WallMs.HasValue ? Ms(s.WallMs.Value) : "n/a",
                    s.CpuMs.HasValue ? Ms(s.CpuMs.Value) : "n/a",
                    s.CpuOverBaselineMs.HasValue ? Ms(s.CpuOverBaselineMs.Value) : "-",
                    s.AllocatedMB.HasValue ? s.AllocatedMB.Value.ToString("N0", CultureInfo.InvariantCulture) : "n/a",
                    s.AllocatedOverBaselineMB.HasValue ? s.AllocatedOverBaselineMB.Value.ToString("N1", CultureInfo.InvariantCulture) : "-",
                    s.Findings.Count == 0 ? "-" : string.Join(" ", s.Findings.Select(f => f.Key + ":" + f.Value)));
            }

            table.Write(output, "   ");
            var perRule = new Table("our rule", "analyzer", "Σ ms", "% of compile", "registered actions");
            foreach (var s in c.Sets)
            {
                if (s.Name != "Cybrid.Analyzers")
                {
                    continue;
                }

                foreach (var a in s.PerAnalyzer)
                {
                    perRule.Add(a.Rules, a.Analyzer, Ms(a.ExecutionMs), Percent(a.PercentOfCompile, 3), a.Actions);
                }
            }

            output.WriteLine();
            perRule.Write(output, "   ");
            var peers = new Table("peer", "analyzer (runs whole)", "rules kept", "Σ ms");
            foreach (var s in c.Sets)
            {
                if (s.Name == "Cybrid.Analyzers" || s.Name == "(driver baseline)")
                {
                    continue;
                }

                foreach (var a in s.PerAnalyzer.OrderByDescending(a => a.ExecutionMs))
                {
                    peers.Add(s.Name, a.Analyzer, a.Rules, Ms(a.ExecutionMs));
                }
            }

            if (peers.Count > 0)
            {
                output.WriteLine();
                peers.Write(output, "   ");
            }

            foreach (var s in c.Sets.Where(s => s.LikeForLike != null))
            {
                var l = s.LikeForLike!;
                var byOurs = l.Pairs.GroupBy(p => p.Value).Select(g => g.Key + " ~ " + string.Join("+", g.Select(p => p.Key)));
                output.WriteLine($"   like-for-like {s.Name} ({string.Join(", ", byOurs)}): peer {Ms(l.PeerMs)} ms, ours {Ms(l.OursMs)} ms, "
                                 + l.TimesOurs.ToString("N1", CultureInfo.InvariantCulture) + "× (median of per-run ratios)");
            }

            foreach (var s in c.Sets.Where(s => s.AnalyzerExceptions.Count > 0))
            {
                output.WriteLine("   ! " + s.Name + " threw: " + string.Join(" | ", s.AnalyzerExceptions));
            }
        }

        public static void PrintOverview(TextWriter output, BenchmarkReport report)
        {
            var peerNames = report.Corpora.SelectMany(c => c.Sets).Where(s => s.TimesOurs.HasValue).Select(s => s.Name).Distinct().ToList();
            var header = new List<string> { "corpus", "lines", "compile ms", "ours Σ ms", "ours % of compile", "ours CPU − baseline ms", "ours alloc − baseline MB" };
            header.AddRange(peerNames.Select(p => p + " × ours"));
            var table = new Table(header.ToArray());
            foreach (var c in report.Corpora)
            {
                var ours = c.Sets.FirstOrDefault(s => s.Name == "Cybrid.Analyzers");
                var row = new List<string>
                {
                    c.Name,
                    c.Lines.ToString("N0", CultureInfo.InvariantCulture),
                    Ms(c.CompileMs),
                    ours == null ? "-" : Ms(ours.ExecutionMs),
                    ours == null ? "-" : Percent(ours.PercentOfCompile, 2),
                    ours?.CpuOverBaselineMs is double w ? Ms(w) : "-",
                    ours?.AllocatedOverBaselineMB is double a ? a.ToString("N1", CultureInfo.InvariantCulture) : "-",
                };
                foreach (var peer in peerNames)
                {
                    var s = c.Sets.FirstOrDefault(x => x.Name == peer);
                    row.Add(s?.TimesOurs is double t ? t.ToString("N1", CultureInfo.InvariantCulture) + "×" : "-");
                }

                table.Add(row.ToArray());
            }

            output.WriteLine();
            output.WriteLine("== overview (medians of per-run ratios; targets: ours ≤ 3 % of compile at 100k and 1M, ≥ 10× cheaper than Sonar, flat from 10k to 1M)");
            table.Write(output, "   ");
        }

        public static void WriteJson(string path, BenchmarkReport report)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            File.WriteAllText(path, JsonSerializer.Serialize(report, Json) + "\n");
        }

        private static string Actions(AnalyzerTelemetryInfo t)
        {
            var parts = new List<string>();
            void Add(string name, int count)
            {
                if (count > 0)
                {
                    parts.Add(name + " " + count.ToString(CultureInfo.InvariantCulture));
                }
            }

            Add("compilation start", t.CompilationStartActionsCount);
            Add("compilation end", t.CompilationEndActionsCount);
            Add("compilation", t.CompilationActionsCount);
            Add("syntax tree", t.SyntaxTreeActionsCount);
            Add("semantic model", t.SemanticModelActionsCount);
            Add("symbol", t.SymbolActionsCount);
            Add("symbol start", t.SymbolStartActionsCount);
            Add("syntax node", t.SyntaxNodeActionsCount);
            Add("code block start", t.CodeBlockStartActionsCount);
            Add("code block", t.CodeBlockActionsCount);
            Add("operation block start", t.OperationBlockStartActionsCount);
            Add("operation block", t.OperationBlockActionsCount);
            Add("operation", t.OperationActionsCount);
            return string.Join(", ", parts);
        }

        private static int IndexOf(IReadOnlyList<AnalyzerSet> sets, Func<AnalyzerSet, bool> predicate)
        {
            for (var i = 0; i < sets.Count; i++)
            {
                if (predicate(sets[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0)
            {
                return double.NaN;
            }

            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        private static double Round(double value) => Round(value, 2);

        private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

        private static string Ms(double value) => value.ToString(value >= 100 || value <= -100 ? "N0" : "N1", CultureInfo.InvariantCulture);

        private static string Percent(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " %";

        /// <summary>A plain-text table: the first column left-aligned, numbers right-aligned.</summary>
        private sealed class Table
        {
            private readonly string[] _header;
            private readonly List<string[]> _rows = new List<string[]>();

            public Table(params string[] header)
            {
                _header = header;
            }

            public int Count => _rows.Count;

            public void Add(params string[] row) => _rows.Add(row);

            public void Write(TextWriter output, string indent)
            {
                var widths = new int[_header.Length];
                foreach (var row in _rows.Prepend(_header))
                {
                    for (var i = 0; i < row.Length; i++)
                    {
                        widths[i] = Math.Max(widths[i], row[i].Length);
                    }
                }

                foreach (var row in _rows.Prepend(_header))
                {
                    var line = new StringBuilder(indent);
                    for (var i = 0; i < row.Length; i++)
                    {
                        var numeric = i > 0 && row[i].Length > 0 && (char.IsDigit(row[i][0]) || row[i][0] == '-' || row[i][0] == '−');
                        var isLast = i == row.Length - 1;
                        line.Append(numeric && !isLast ? row[i].PadLeft(widths[i]) : isLast ? row[i] : row[i].PadRight(widths[i]));
                        if (!isLast)
                        {
                            line.Append("  ");
                        }
                    }

                    output.WriteLine(line.ToString().TrimEnd());
                }
            }
        }
    }
}
