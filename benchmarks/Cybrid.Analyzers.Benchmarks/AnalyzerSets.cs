using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Cybrid.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cybrid.Analyzers.Benchmarks
{
    /// <summary>
    /// A group of analyzers measured together, with the diagnostic options that restrict it to its rules.
    /// </summary>
    internal sealed class AnalyzerSet
    {
        public AnalyzerSet(string name, string description, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<string> ruleIds, ImmutableDictionary<string, ReportDiagnostic> specificOptions, bool isOurs, bool isBaseline = false)
        {
            Name = name;
            Description = description;
            Analyzers = analyzers;
            RuleIds = ruleIds;
            SpecificOptions = specificOptions;
            IsOurs = isOurs;
            IsBaseline = isBaseline;
        }

        public string Name { get; }

        /// <summary>Package and version, for the report.</summary>
        public string Description { get; }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>The rules this set is compared on.</summary>
        public ImmutableArray<string> RuleIds { get; }

        /// <summary>Added to the compilation's SpecificDiagnosticOptions: target rules on, every other rule of the set off.</summary>
        public ImmutableDictionary<string, ReportDiagnostic> SpecificOptions { get; }

        public bool IsOurs { get; }

        /// <summary>The do-nothing analyzer: what the analyzer driver costs by itself.</summary>
        public bool IsBaseline { get; }

        /// <summary>The rule IDs an analyzer is shown under: its supported IDs among <see cref="RuleIds"/>, CYB0000 left out unless alone.</summary>
        public string IdsOf(DiagnosticAnalyzer analyzer)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Where(id => RuleIds.Contains(id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (ids.Count > 1)
            {
                ids.Remove("CYB0000");
            }

            return ids.Count == 0 ? "-" : string.Join("+", ids);
        }

        /// <summary>
        /// Every analyzer of the Cybrid.Analyzers assembly, found by reflection, so that a rule is measured as soon as it is merged.
        /// </summary>
        public static AnalyzerSet Ours()
        {
            var assembly = typeof(PlainHttpUriAnalyzer).Assembly;
            var analyzers = assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                            && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToImmutableArray();
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?";
            return new AnalyzerSet(
                "Cybrid.Analyzers",
                "Cybrid.Analyzers " + version.Split('+')[0] + ", all " + analyzers.Length + " analyzers, default severities",
                analyzers,
                ids,
                ImmutableDictionary<string, ReportDiagnostic>.Empty,
                isOurs: true);
        }

        /// <summary>
        /// One analyzer with a single no-op operation action on a kind the corpora never contain: the driver binds
        /// every method body, builds its IOperation tree and walks it looking for operations of interest, as it does
        /// for any operation-based analyzer (the SDK's default CA rules make it do so in every build), and calls
        /// nothing. Without an action the driver would not even bind the code.
        /// </summary>
        public static AnalyzerSet Baseline()
            => new AnalyzerSet(
                "(driver baseline)",
                "one no-op operation action: the driver binds, builds and walks the IOperation trees, and calls nothing",
                ImmutableArray.Create<DiagnosticAnalyzer>(new NullAnalyzer()),
                ImmutableArray.Create(NullAnalyzer.Id),
                ImmutableDictionary<string, ReportDiagnostic>.Empty,
                isOurs: false,
                isBaseline: true);

        /// <summary>
        /// A peer restricted to <paramref name="ruleIds"/>: only analyzer types that support at least one of them are
        /// kept, those rules are forced on (some are off by default), and every other rule those types support is
        /// suppressed. An analyzer type that reports several rules still runs whole; suppression only hides the
        /// other rules' diagnostics (and lets the driver skip types whose every rule is suppressed).
        /// </summary>
        public static AnalyzerSet Restrict(string name, string description, IEnumerable<DiagnosticAnalyzer> all, ImmutableArray<string> ruleIds)
        {
            var kept = all.Where(a => a.SupportedDiagnostics.Any(d => ruleIds.Contains(d.Id))).ToImmutableArray();
            var options = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
            foreach (var descriptor in kept.SelectMany(a => a.SupportedDiagnostics))
            {
                options[descriptor.Id] = ruleIds.Contains(descriptor.Id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
            }

            return new AnalyzerSet(name, description, kept, ruleIds, options.ToImmutable(), isOurs: false);
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class NullAnalyzer : DiagnosticAnalyzer
        {
            public const string Id = "BENCH0000";

            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
                Id, "Baseline", "Baseline", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(static _ => { }, OperationKind.Utf8String);
            }
        }
    }
}
