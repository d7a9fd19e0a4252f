using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Tests.Foundation.CybridOptionsTests.OptionReadingAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace Cybrid.Analyzers.Tests.Foundation
{
    public class CybridOptionsTests
    {
        private static readonly OptionDefinition Flag = new OptionDefinition("CYB0099", "flag", OptionKind.Boolean, "true");
        private static readonly OptionDefinition Seconds = new OptionDefinition("CYB0099", "seconds", OptionKind.PositiveInteger, "30");
        private static readonly OptionDefinition Names = new OptionDefinition("CYB0099", "names", OptionKind.List, "empty");

        private static readonly DiagnosticDescriptor Report = new DiagnosticDescriptor(
            "CYB0099", "Options seen", "flag={0} seconds={1} names={2}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        /// <summary>Reads the three options for each class and reports what it parsed; validates them per file.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class OptionReadingAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Report, Descriptors.CYB0000_InvalidOption);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxTreeAction(t => CybridOptions.ReportInvalidValues(t, ImmutableArray.Create(Flag, Seconds, Names)));
                context.RegisterSymbolAction(
                    c =>
                    {
                        var options = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Symbol.Locations[0].SourceTree!);
                        c.ReportDiagnostic(Diagnostic.Create(
                            Report,
                            c.Symbol.Locations[0],
                            CybridOptions.GetBoolean(options, Flag, true),
                            CybridOptions.GetPositiveInteger(options, Seconds, 30),
                            string.Join("|", CybridOptions.GetList(options, Names))));
                    },
                    SymbolKind.NamedType);
            }
        }

        private static DiagnosticResult Seen(bool flag, int seconds, string names)
            => Verify.Diagnostic(Report).WithLocation(0).WithArguments(flag, seconds, names);

        [Fact]
        public async Task NoOptions_DefaultsAreUsed()
        {
            await new Verify.Test { TestCode = "class {|#0:C|} { }" }.Expect(Seen(true, 30, string.Empty)).RunAsync();
        }

        [Fact]
        public async Task RuleKeys_AreParsed()
        {
            await new Verify.Test { TestCode = "class {|#0:C|} { }" }
                .WithEditorConfig("cybrid_analyzers.CYB0099.flag = FALSE", "cybrid_analyzers.CYB0099.seconds = 45", "cybrid_analyzers.CYB0099.names =  a, b ,,c ")
                .Expect(Seen(false, 45, "a|b|c"))
                .RunAsync();
        }

        [Fact]
        public async Task RuleKey_WinsOverPackageWideKey()
        {
            await new Verify.Test { TestCode = "class {|#0:C|} { }" }
                .WithEditorConfig("cybrid_analyzers.seconds = 10", "cybrid_analyzers.CYB0099.seconds = 20", "cybrid_analyzers.flag = false")
                .Expect(Seen(false, 20, string.Empty))
                .RunAsync();
        }

        [Fact]
        public async Task GlobalConfig_IsRead()
        {
            await new Verify.Test { TestCode = "class {|#0:C|} { }" }
                .WithGlobalConfig("cybrid_analyzers.names = x")
                .Expect(Seen(true, 30, "x"))
                .RunAsync();
        }

        [Theory]
        [InlineData("cybrid_analyzers.CYB0099.seconds = 0", "cybrid_analyzers.CYB0099.seconds", "0", "a whole number greater than 0", "30")]
        [InlineData("cybrid_analyzers.CYB0099.seconds = thirty", "cybrid_analyzers.CYB0099.seconds", "thirty", "a whole number greater than 0", "30")]
        [InlineData("cybrid_analyzers.CYB0099.seconds = -5", "cybrid_analyzers.CYB0099.seconds", "-5", "a whole number greater than 0", "30")]
        [InlineData("cybrid_analyzers.flag = yes", "cybrid_analyzers.flag", "yes", "true or false", "true")]
        public async Task InvalidValue_ReportsCYB0000OncePerFile_AndUsesTheDefault(string line, string key, string value, string expectation, string defaultText)
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add("// leading comment\n{|#1:class|} {|#0:C|} { } class {|#2:D|} { }");
            test.TestState.Sources.Add("{|#3:class|} {|#4:E|} { }");
            test.WithEditorConfig(line);
            test.Expect(
                Seen(true, 30, string.Empty),
                Verify.Diagnostic(Report).WithLocation(2).WithArguments(true, 30, string.Empty),
                Verify.Diagnostic(Report).WithLocation(4).WithArguments(true, 30, string.Empty),
                Verify.Diagnostic(Descriptors.CYB0000_InvalidOption).WithLocation(1).WithArguments(key, value, expectation, defaultText),
                Verify.Diagnostic(Descriptors.CYB0000_InvalidOption).WithLocation(3).WithArguments(key, value, expectation, defaultText));
            await test.RunAsync();
        }

        [Fact]
        public async Task InvalidValue_CanBeSuppressedWithPragmaAtTheTopOfTheFile()
        {
            await new Verify.Test { TestCode = "#pragma warning disable CYB0000\nclass {|#0:C|} { }" }
                .WithEditorConfig("cybrid_analyzers.CYB0099.seconds = soon")
                .Expect(Seen(true, 30, string.Empty))
                .RunAsync();
        }

        [Fact]
        public async Task ListOptions_NeverReportCYB0000()
        {
            await new Verify.Test { TestCode = "class {|#0:C|} { }" }
                .WithEditorConfig("cybrid_analyzers.CYB0099.names = ???, !!")
                .Expect(Seen(true, 30, "???|!!"))
                .RunAsync();
        }
    }
}
