using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Cybrid.Analyzers.Tests
{
    /// <summary>
    /// The sample app is the README's demonstration: it must compile, show a finding of every rule, and never make
    /// an analyzer throw. It is compiled in process against the ASP.NET Core shared framework of the running SDK.
    /// </summary>
    public class SampleTests
    {
        private static readonly Lazy<Task<SampleRun>> Run = new Lazy<Task<SampleRun>>(AnalyzeSampleAsync);

        public static TheoryData<string> SecurityRuleIds()
        {
            var data = new TheoryData<string>();
            foreach (var rule in PackageCatalog.Rules.Where(r => r.Category == RuleCategories.Security))
            {
                data.Add(rule.Id);
            }

            return data;
        }

        [Fact]
        public async Task Sample_CompilesWithoutErrors()
        {
            var run = await Run.Value;
            Assert.Empty(run.CompilerErrors);
        }

        [Fact]
        public async Task Sample_NoAnalyzerThrows()
        {
            var run = await Run.Value;
            Assert.Empty(run.AnalyzerExceptions);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AD0001");
        }

        [Theory]
        [MemberData(nameof(SecurityRuleIds))]
        public async Task Sample_ShowsEveryRule(string id)
        {
            var run = await Run.Value;
            Assert.Contains(run.Diagnostics, d => d.Id == id);
        }

        [Fact]
        public async Task Sample_HasNoInvalidOptionWarning()
        {
            var run = await Run.Value;
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == RuleIdentifiers.InvalidOption);
        }

        private sealed class SampleRun
        {
            public ImmutableArray<Diagnostic> Diagnostics { get; set; }

            public string[] CompilerErrors { get; set; } = Array.Empty<string>();

            public string[] AnalyzerExceptions { get; set; } = Array.Empty<string>();
        }

        internal static string SampleFolder => Path.Combine(PackageCatalog.RepositoryRoot, "samples", "Cybrid.Sample");

        /// <summary>The sample's sources (bin/obj excluded).</summary>
        internal static (string Path, string Text)[] SampleSources()
            => Directory.GetFiles(SampleFolder, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                            && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (p, File.ReadAllText(p)))
                .ToArray();

        /// <summary>The implementation assemblies of Microsoft.NETCore.App and Microsoft.AspNetCore.App of this runtime.</summary>
        internal static ImmutableArray<MetadataReference> SharedFrameworkReferences()
        {
            var netCore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var version = Path.GetFileName(netCore);
            var aspNetCore = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(netCore)!)!, "Microsoft.AspNetCore.App", version);
            return Directory.GetFiles(netCore, "*.dll")
                .Concat(Directory.Exists(aspNetCore) ? Directory.GetFiles(aspNetCore, "*.dll") : Array.Empty<string>())
                .Where(IsManagedAssembly)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                System.Reflection.AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        private static async Task<SampleRun> AnalyzeSampleAsync()
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = SampleSources().Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToArray();
            var compilation = CSharpCompilation.Create(
                "Cybrid.Sample",
                trees,
                SharedFrameworkReferences(),
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

            var exceptions = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(PackageCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return new SampleRun
            {
                Diagnostics = diagnostics,
                CompilerErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray(),
                AnalyzerExceptions = exceptions.ToArray(),
            };
        }
    }
}
