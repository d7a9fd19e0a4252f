using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cybrid.Analyzers.Benchmarks
{
    /// <summary>A peer analyzer package, the rules it is compared on, and where restore put it.</summary>
    internal sealed class PeerDefinition
    {
        public PeerDefinition(string key, string name, string packageId, Func<string, string?> analyzerFolder, params string[] ruleIds)
        {
            Key = key;
            Name = name;
            PackageId = packageId;
            AnalyzerFolder = analyzerFolder;
            RuleIds = ruleIds.ToImmutableArray();
        }

        /// <summary>The name on the command line (<c>--peers sonar,…</c>).</summary>
        public string Key { get; }

        public string Name { get; }

        public string PackageId { get; }

        /// <summary>From the package folder to the folder whose DLLs are the C# analyzers.</summary>
        public Func<string, string?> AnalyzerFolder { get; }

        /// <summary>The like-for-like rules: what the peer reports that a rule of ours (shipped or planned) also covers.</summary>
        public ImmutableArray<string> RuleIds { get; }

        public static readonly PeerDefinition[] All =
        {
            // S2068 hard-coded credentials, S6418 hard-coded secrets (CYB0001); S5332 clear-text protocols (CYB0004);
            // S4423 weak TLS (CYB0007, planned); S4830 certificate validation disabled (CYB0008, planned)
            new PeerDefinition("sonar", "SonarAnalyzer", "SonarAnalyzer.CSharp", p => Path.Combine(p, "analyzers"), "S2068", "S6418", "S5332", "S4423", "S4830"),
            new PeerDefinition("meziantou", "Meziantou", "Meziantou.Analyzer", MeziantouFolder, "MA0124", "MA0039"),

            // CA5359 certificate validation disabled, CA5364 deprecated protocols, CA5397 deprecated SslProtocols
            new PeerDefinition("netanalyzers", "NetAnalyzers", "Microsoft.CodeAnalysis.NetAnalyzers", p => Path.Combine(p, "analyzers", "dotnet", "cs"), "CA5359", "CA5364", "CA5397"),

            // SCS0015 hard-coded password (CYB0001); SCS0004 certificate validation disabled (CYB0008, planned)
            new PeerDefinition("scs", "SecurityCodeScan", "SecurityCodeScan.VS2019", p => Path.Combine(p, "analyzers", "dotnet"), "SCS0015", "SCS0004"),
        };

        /// <summary>The package folder that restore used, recorded at build time (see the project file).</summary>
        public string? PackageFolder()
        {
            foreach (var attribute in typeof(PeerDefinition).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (attribute.Key == "PeerPackage:" + PackageId && !string.IsNullOrEmpty(attribute.Value))
                {
                    return attribute.Value;
                }
            }

            return null;
        }

        /// <summary>Meziantou ships one build per Roslyn version (analyzers/dotnet/roslynX.Y/cs): take the newest the host can load.</summary>
        private static string? MeziantouFolder(string package)
        {
            var root = Path.Combine(package, "analyzers", "dotnet");
            if (!Directory.Exists(root))
            {
                return null;
            }

            var host = typeof(Compilation).Assembly.GetName().Version ?? new Version(0, 0);
            string? best = null;
            var bestVersion = new Version(0, 0);
            foreach (var folder in Directory.GetDirectories(root, "roslyn*"))
            {
                if (Version.TryParse(Path.GetFileName(folder).Substring("roslyn".Length), out var v)
                    && v <= new Version(host.Major, host.Minor) && v > bestVersion)
                {
                    best = folder;
                    bestVersion = v;
                }
            }

            return best == null ? null : Path.Combine(best, "cs");
        }
    }

    /// <summary>A peer loaded from its package, or why it could not be.</summary>
    internal sealed class LoadedPeer
    {
        public LoadedPeer(PeerDefinition definition, string version, AnalyzerSet? set, string? error, IReadOnlyList<string> files)
        {
            Definition = definition;
            Version = version;
            Set = set;
            Error = error;
            Files = files;
        }

        public PeerDefinition Definition { get; }

        public string Version { get; }

        public AnalyzerSet? Set { get; }

        public string? Error { get; }

        public IReadOnlyList<string> Files { get; }

        /// <summary>Loads the peer's analyzer DLLs with <see cref="AnalyzerFileReference"/>, each peer in its own load context.</summary>
        public static LoadedPeer Load(PeerDefinition definition)
        {
            var package = definition.PackageFolder();
            var version = package == null ? "?" : Path.GetFileName(package.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
            var folder = package == null ? null : definition.AnalyzerFolder(package);
            if (folder == null || !Directory.Exists(folder))
            {
                return new LoadedPeer(definition, version, null, "package folder not found (" + (folder ?? package ?? "not restored") + "); run dotnet restore", Array.Empty<string>());
            }

            var dlls = Directory.GetFiles(folder, "*.dll")
                .Where(f => Path.GetFileName(f).IndexOf("CodeFix", StringComparison.OrdinalIgnoreCase) < 0)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var loader = new PeerAssemblyLoader(definition.Key);
            foreach (var dll in dlls)
            {
                loader.AddDependencyLocation(dll);
            }

            var errors = new List<string>();
            var analyzers = new List<DiagnosticAnalyzer>();
            foreach (var dll in dlls)
            {
                var reference = new AnalyzerFileReference(dll, loader);
                reference.AnalyzerLoadFailed += (_, e) =>
                {
                    if (e.ErrorCode != AnalyzerLoadFailureEventArgs.FailureErrorCode.NoAnalyzers)
                    {
                        errors.Add(Path.GetFileName(dll) + ": " + e.ErrorCode + " " + (e.TypeName ?? string.Empty) + " " + e.Message);
                    }
                };
                try
                {
                    analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
                }
                catch (Exception ex) when (ex is BadImageFormatException || ex is FileLoadException || ex is IOException)
                {
                    errors.Add(Path.GetFileName(dll) + ": " + ex.Message);
                }
            }

            var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var missing = definition.RuleIds.Where(id => !supported.Contains(id)).ToList();
            var ruleIds = definition.RuleIds.Where(supported.Contains).ToImmutableArray();
            if (ruleIds.IsEmpty)
            {
                var why = errors.Count > 0 ? string.Join("; ", errors.Take(3)) : "none of " + string.Join(",", definition.RuleIds) + " is supported";
                return new LoadedPeer(definition, version, null, why, dlls.Select(Path.GetFileName).ToList()!);
            }

            var set = AnalyzerSet.Restrict(
                definition.Name,
                definition.PackageId + " " + version + " restricted to " + string.Join(",", ruleIds)
                    + (missing.Count > 0 ? " (not in this version: " + string.Join(",", missing) + ")" : string.Empty),
                analyzers,
                ruleIds);
            var note = errors.Count > 0 ? errors.Count.ToString(CultureInfo.InvariantCulture) + " load warnings, first: " + errors[0] : null;
            return new LoadedPeer(definition, version, set, note, dlls.Select(Path.GetFileName).ToList()!);
        }
    }

    /// <summary>
    /// Loads a peer's DLLs into a load context of its own, so peers never share their private dependencies;
    /// Roslyn and the BCL come from the host, as in the compiler.
    /// </summary>
    internal sealed class PeerAssemblyLoader : IAnalyzerAssemblyLoader
    {
        private readonly PeerLoadContext _context;

        public PeerAssemblyLoader(string name)
        {
            _context = new PeerLoadContext(name);
        }

        public void AddDependencyLocation(string fullPath) => _context.Add(fullPath);

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);

        private sealed class PeerLoadContext : AssemblyLoadContext
        {
            private static readonly HashSet<string> HostAssemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.VisualBasic",
                "Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces",
                "System.Collections.Immutable", "System.Reflection.Metadata",
            };

            private readonly Dictionary<string, string> _paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

            public PeerLoadContext(string name)
                : base("peer:" + name)
            {
            }

            public void Add(string path) => _paths[Path.GetFileNameWithoutExtension(path)] = path;

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                var name = assemblyName.Name ?? string.Empty;
                if (!HostAssemblies.Contains(name) && _paths.TryGetValue(name, out var path))
                {
                    return LoadFromAssemblyPath(path);
                }

                return null; // the default context: Roslyn, the BCL
            }
        }
    }
}
