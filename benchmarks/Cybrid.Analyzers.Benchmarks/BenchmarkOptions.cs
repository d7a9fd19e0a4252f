using System;
using System.Collections.Generic;
using System.Globalization;

namespace Cybrid.Analyzers.Benchmarks
{
    /// <summary>Command-line settings.</summary>
    internal sealed class BenchmarkOptions
    {
        public const string Usage = """
            Measures what Cybrid.Analyzers costs against compile time and against peer analyzers.

            Usage: dotnet run -c Release --project benchmarks/Cybrid.Analyzers.Benchmarks -- [options]

              --sizes LIST     corpus sizes in lines, e.g. 10k,100k,1M (default 10k,100k,1M)
              --runs N         measured runs per corpus; the median is reported (default 3)
              --warmup N       untimed runs per corpus before measuring (default: 1, but 0 for a corpus of
                               500k lines or more once a smaller one has warmed the process up)
              --seed N         corpus generator seed (default 42)
              --mode MODE      separate: one analyzer-driver run per set (per-set wall time and allocation);
                               combined: all sets in one driver run (one compile of the code instead of one
                               per set; Σ analyzer times only); auto (default): separate below 500k lines
              --peers LIST     peer sets to compare: sonar,meziantou,netanalyzers,scs, or none (default all)
              --no-sample      skip the sample app (samples/Cybrid.Sample)
              --json FILE      also write the results as JSON
              --write-corpus DIR  write the generated corpora as .cs files under DIR and stop
              --check          only compile each corpus and list compiler errors and warnings (exit 1 on error)
              --help           this text
            """;

        public List<int> Sizes { get; } = new List<int> { 10_000, 100_000, 1_000_000 };

        public int Runs { get; private set; } = 3;

        /// <summary>Null: automatic (see <see cref="WarmupFor"/>).</summary>
        public int? Warmup { get; private set; }

        public bool Check { get; private set; }

        public int Seed { get; private set; } = 42;

        /// <summary><c>separate</c>, <c>combined</c> or <c>auto</c>.</summary>
        public string Mode { get; private set; } = "auto";

        /// <summary>In auto mode, corpora of at least this many lines run combined.</summary>
        public const int CombinedFromLines = 500_000;

        /// <summary>Warm-up runs for a corpus: as asked, or 1 unless the corpus is large and the process already warm.</summary>
        public int WarmupFor(int lines, bool processIsWarm) => Warmup ?? (processIsWarm && lines >= CombinedFromLines ? 0 : 1);

        public bool IsCombined(int lines) => Mode == "combined" || (Mode == "auto" && lines >= CombinedFromLines);

        public HashSet<string> Peers { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sonar", "meziantou", "netanalyzers", "scs" };

        public bool Sample { get; private set; } = true;

        public string? JsonPath { get; private set; }

        public string? WriteCorpusDirectory { get; private set; }

        public bool Help { get; private set; }

        public static BenchmarkOptions Parse(string[] args)
        {
            var options = new BenchmarkOptions();
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                string Value()
                {
                    if (i + 1 >= args.Length)
                    {
                        throw new ArgumentException(arg + " needs a value.");
                    }

                    return args[++i];
                }

                switch (arg)
                {
                    case "--sizes":
                        options.Sizes.Clear();
                        foreach (var part in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            options.Sizes.Add(ParseSize(part));
                        }

                        break;
                    case "--runs":
                        options.Runs = ParsePositive(arg, Value());
                        break;
                    case "--warmup":
                        options.Warmup = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--seed":
                        options.Seed = int.Parse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                        break;
                    case "--mode":
                        options.Mode = Value().ToLowerInvariant();
                        if (options.Mode != "separate" && options.Mode != "combined" && options.Mode != "auto")
                        {
                            throw new ArgumentException("--mode is separate, combined or auto.");
                        }

                        break;
                    case "--peers":
                        options.Peers.Clear();
                        foreach (var part in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (!string.Equals(part, "none", StringComparison.OrdinalIgnoreCase))
                            {
                                options.Peers.Add(part);
                            }
                        }

                        break;
                    case "--check":
                        options.Check = true;
                        break;
                    case "--no-sample":
                        options.Sample = false;
                        break;
                    case "--json":
                        options.JsonPath = Value();
                        break;
                    case "--write-corpus":
                        options.WriteCorpusDirectory = Value();
                        break;
                    case "--help":
                    case "-h":
                        options.Help = true;
                        break;
                    default:
                        throw new ArgumentException("Unknown option " + arg + ".");
                }
            }

            return options;
        }

        /// <summary><c>10k</c> → 10 000, <c>1M</c> → 1 000 000, <c>2500</c> → 2 500.</summary>
        public static int ParseSize(string text)
        {
            var multiplier = 1;
            var digits = text;
            if (text.EndsWith("k", StringComparison.OrdinalIgnoreCase))
            {
                multiplier = 1_000;
                digits = text.Substring(0, text.Length - 1);
            }
            else if (text.EndsWith("m", StringComparison.OrdinalIgnoreCase))
            {
                multiplier = 1_000_000;
                digits = text.Substring(0, text.Length - 1);
            }

            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException("Cannot read the corpus size '" + text + "'.");
            }

            return (int)(value * multiplier);
        }

        /// <summary>The label of a size: 10000 → 10k, 1000000 → 1M.</summary>
        public static string SizeLabel(int lines)
            => lines % 1_000_000 == 0 ? (lines / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M"
                : lines % 1_000 == 0 ? (lines / 1_000).ToString(CultureInfo.InvariantCulture) + "k"
                : lines.ToString(CultureInfo.InvariantCulture);

        private static int ParsePositive(string name, string text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException(name + " needs a positive number.");
            }

            return value;
        }
    }
}
