using System;
using System.Collections.Immutable;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static Cybrid.Analyzers.Internal.TypeSymbols;

namespace Cybrid.Analyzers.Rules
{
    /// <summary>
    /// CYB0001: a credential written in code. Every constant value — a string
    /// or <c>u8</c> literal, a constant byte array, a reference to a <c>const</c>, or the largest concatenation,
    /// interpolation or <c>GetBytes</c>/<c>ToBase64String</c> conversion made only of those — is judged once, by where
    /// it goes: a credential sink (a <c>client_secret</c> entry, a Bearer or Basic header, a <c>NetworkCredential</c>
    /// password, an HMAC key, a generated client's access token), a member/local/parameter/argument whose name says
    /// secret, or nowhere in particular — then only a value that looks like a JWT, a PEM private key, or JSON/form
    /// text with a <c>client_secret</c> is reported. A <c>const</c> is judged at its declaration; its uses are not
    /// reported again. The diagnostic sits on the part of the value the fix replaces.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedCredentialAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: how the fix replaces the value (one of the <c>Shape*</c> constants); absent when no fix applies.</summary>
        public const string ShapeProperty = "Shape";

        /// <summary>Diagnostic property: the setting's PascalCase name (<c>ClientSecret</c>).</summary>
        public const string SettingProperty = "Setting";

        /// <summary>Diagnostic property: <c>true</c> when the target accepts null, so the fix adds no <c>?? throw</c>.</summary>
        public const string NullableProperty = "Nullable";

        /// <summary>Diagnostic property: the scheme text kept in front of the read (<c>"Bearer "</c>) for <see cref="ShapePrefixed"/>.</summary>
        public const string PrefixProperty = "Prefix";

        /// <summary>Replace the reported string expression with the read.</summary>
        public const string ShapeString = "String";

        /// <summary>A literal such as <c>"Bearer abc"</c>: keep the scheme, read the rest.</summary>
        public const string ShapePrefixed = "Prefixed";

        /// <summary>A <c>"…"u8</c> literal: <c>Encoding.UTF8.GetBytes(read)</c>.</summary>
        public const string ShapeUtf8 = "Utf8";

        /// <summary>A constant byte array: <c>Convert.FromBase64String(read)</c>.</summary>
        public const string ShapeBytes = "Bytes";

        /// <summary>The initializer of a <c>const</c>: the const becomes <c>static readonly</c> (a local loses <c>const</c>).</summary>
        public const string ShapeConstant = "Constant";

        /// <summary>A use of a <c>const</c> with a neutral name: rewrite the const's declaration as for <see cref="ShapeConstant"/>.</summary>
        public const string ShapeConstantUse = "ConstantUse";

        private static readonly ImmutableArray<OptionDefinition> Options = ImmutableArray.Create(
            CybridOptions.CredentialAdditionalSecretNames,
            CybridOptions.CredentialExcludeTestProjects);

        /// <summary>Assemblies whose reference makes a project a test project.</summary>
        private static readonly ImmutableArray<string> TestFrameworkAssemblies = ImmutableArray.Create(
            "xunit.core", "xunit.v3.core", "xunit.assert", "xunit.v3.assert", "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework",
            "Microsoft.VisualStudio.QualityTools.UnitTestFramework", "TUnit.Core");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.CYB0001_HardcodedCredential,
            Descriptors.CYB0001_HardcodedClientId,
            Descriptors.CYB0000_InvalidOption);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // a generated client is not the user's code to fix
            context.RegisterCompilationStartAction(start =>
            {
                // The name and look checks need no library type, so the rule always runs; each sink that needs a
                // type (AuthenticationHeaderValue, NetworkCredential, HMAC, HttpHeaders) is simply never matched when
                // the compilation lacks it.
                var state = new CompilationState(start.Compilation, start.Options);
                start.RegisterSyntaxTreeAction(tree => CybridOptions.ReportInvalidValues(tree, Options));

                // Every constant value is built from leaves of these kinds (a concatenation, interpolation or
                // conversion of constants contains at least one), so the rule starts from the leaves the driver
                // hands over and climbs to the value they belong to. Walking every operation of every member
                // body instead cost about four times as much on the benchmark corpus, most of it in business code
                // without a single string.
                start.RegisterOperationAction(
                    state.AnalyzeLeaf,
                    OperationKind.Literal,
                    OperationKind.FieldReference,
                    OperationKind.LocalReference,
                    OperationKind.Utf8String,
                    OperationKind.ArrayCreation);
            });
        }

        /// <summary>True when the compilation references a test framework or its build says <c>IsTestProject = true</c>.</summary>
        internal static bool IsTestProject(Compilation compilation, AnalyzerOptions options)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                foreach (var name in TestFrameworkAssemblies)
                {
                    if (string.Equals(identity.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.IsTestProject", out var value)
                   && CybridOptions.TryParseBoolean(value, out var isTest) && isTest;
        }

        /// <summary>The options that apply to one file.</summary>
        private sealed class TreeSettings
        {
            public TreeSettings(ImmutableArray<string> words, bool skip)
            {
                Words = words;
                Skip = skip;
            }

            /// <summary><c>additional_secret_names</c>, as word runs.</summary>
            public ImmutableArray<string> Words { get; }

            /// <summary>The file belongs to a test project and <c>exclude_test_projects</c> is on.</summary>
            public bool Skip { get; }
        }

        /// <summary>What kind of place a <see cref="Sink"/> is, for its description.</summary>
        private enum Place
        {
            /// <summary>A description given as text.</summary>
            Text,

            /// <summary>A field, property, local or parameter (the symbol).</summary>
            Member,

            /// <summary>An argument (the parameter and the method).</summary>
            Argument,

            /// <summary>A parameter's default value (the parameter).</summary>
            ParameterDefault,

            /// <summary>A method's return value (the method).</summary>
            Returned,
        }

        /// <summary>
        /// Where a value goes, in the words of the message, and what the fix should call it. The description is built
        /// only when a diagnostic is reported.
        /// </summary>
        private sealed class Sink
        {
            private readonly Place _place;
            private readonly ISymbol? _symbol;
            private readonly IMethodSymbol? _method;
            private readonly string? _json;
            private string? _description;

            public Sink(string description, string settingSource, CredentialNameKind kind)
            {
                _place = Place.Text;
                _description = description;
                SettingSource = settingSource;
                Kind = kind;
            }

            public Sink(Place place, ISymbol symbol, IMethodSymbol? method, string? json, string settingSource, CredentialNameKind kind)
            {
                _place = place;
                _symbol = symbol;
                _method = method;
                _json = json;
                SettingSource = settingSource;
                Kind = kind;
            }

            public string Description
            {
                get => _description ??= Describe();
                set => _description = value;
            }

            /// <summary>The identifier the setting name is derived from.</summary>
            public string SettingSource { get; set; }

            /// <summary>None for a named target that says nothing secret (used to name a JWT found there).</summary>
            public CredentialNameKind Kind { get; }

            /// <summary>The value may start with an authentication scheme (<c>Bearer </c>, <c>Basic </c>).</summary>
            public bool HeaderValue { get; set; }

            /// <summary>The place needs a constant (attribute argument, parameter default): no fix.</summary>
            public bool NoFix { get; set; }

            /// <summary>The value is the initializer of this <c>const</c>.</summary>
            public ISymbol? Constant { get; set; }

            private string Describe()
            {
                var json = _json == null ? string.Empty : " (JSON \"" + _json + "\")";
                switch (_place)
                {
                    case Place.Member:
                        return DescribeSymbol(_symbol!) + json;
                    case Place.Argument:
                        return "The argument for parameter '" + _symbol!.Name + "' of " + (_method == null ? "an indexer" : Callee(_method)) + json;
                    case Place.ParameterDefault:
                        return "The default value of parameter '" + _symbol!.Name + "'";
                    case Place.Returned:
                        return "The value returned by '" + _method!.ContainingType.Name + "." + _method.Name + "()'";
                    default:
                        return string.Empty;
                }
            }
        }

        private static string DescribeSymbol(ISymbol symbol)
        {
            switch (symbol)
            {
                case IPropertySymbol property when property.ContainingType?.IsAnonymousType == true:
                    return "Member '" + property.Name + "' of an anonymous object";
                case IPropertySymbol property:
                    return "Property '" + Qualified(property) + "'";
                case IFieldSymbol { IsConst: true } field:
                    return "Constant '" + Qualified(field) + "'";
                case IFieldSymbol field:
                    return "Field '" + Qualified(field) + "'";
                case ILocalSymbol { IsConst: true } local:
                    return "Constant '" + local.Name + "'";
                case ILocalSymbol local:
                    return "Local '" + local.Name + "'";
                case IParameterSymbol parameter:
                    return "Parameter '" + parameter.Name + "'";
                default:
                    return "'" + symbol.Name + "'";
            }
        }

        private static string Qualified(ISymbol symbol)
            => symbol.ContainingType == null || symbol is ILocalSymbol || symbol is IParameterSymbol ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;

        private static string Callee(IMethodSymbol method)
            => method.MethodKind == MethodKind.Constructor
                ? "new " + method.ContainingType.Name + "(…)"
                : method.ContainingType.Name + "." + method.Name + "(…)";

        /// <summary>What the constant parts of a value are.</summary>
        private struct PartSummary
        {
            public int Constants;
            public ISymbol? Constant;
            public bool Skip;
        }

        private sealed class CompilationState
        {
            private static readonly string[] Schemes = { "Bearer ", "Basic " };

            private readonly INamedTypeSymbol? _authenticationHeaderValue;
            private readonly INamedTypeSymbol? _networkCredential;
            private readonly INamedTypeSymbol? _hmac;
            private readonly INamedTypeSymbol? _httpHeaders;
            private readonly ParsedOptionsCache<TreeSettings> _settings;

            public CompilationState(Compilation compilation, AnalyzerOptions options)
            {
                var types = WellKnownTypes.GetOrCreate(compilation);
                _authenticationHeaderValue = types.Get(WellKnownTypeNames.AuthenticationHeaderValue);
                _networkCredential = types.Get(WellKnownTypeNames.NetworkCredential);
                _hmac = types.Get(WellKnownTypeNames.HMAC);
                _httpHeaders = types.Get(WellKnownTypeNames.HttpHeaders);
                var isTestProject = IsTestProject(compilation, options);
                _settings = new ParsedOptionsCache<TreeSettings>(o => new TreeSettings(
                    CredentialPatterns.NormalizeWords(CybridOptions.GetList(o, CybridOptions.CredentialAdditionalSecretNames)),
                    isTestProject && CybridOptions.GetBoolean(o, CybridOptions.CredentialExcludeTestProjects, defaultValue: false)));
            }

            /// <summary>
            /// Called for each literal, constant reference, <c>u8</c> literal and array creation: finds the value the
            /// leaf belongs to (itself, or the constant concatenation, interpolation or conversion around it) and judges
            /// that value once — from the first of its leaves, so a value of several leaves is not judged twice.
            /// </summary>
            public void AnalyzeLeaf(OperationAnalysisContext context)
            {
                var leaf = context.Operation;
                var constant = leaf.ConstantValue;
                if (leaf.Kind != OperationKind.Utf8String && leaf.Kind != OperationKind.ArrayCreation && !(constant.HasValue && constant.Value is string))
                {
                    return; // the cheapest test, on the operation itself: most literals and field references stop here
                }

                var root = RootOf(leaf);
                if (root == null
                    || (root == leaf && constant.Value is string text && !CredentialPatterns.MayBeReported(text, ImmutableArray<string>.Empty))
                    || !IsLeaf(leaf))
                {
                    // A value on its own that no sink, name or look could make anything of (extra secret names only
                    // ever make a value less plausible, so the test without them lets through all it must).
                    return;
                }

                // the tree from the semantic model, which all operations of the file share, rather than from the
                // leaf's syntax node, which finds it by climbing to the root
                var settings = _settings.Get(context.Options, leaf.SemanticModel?.SyntaxTree ?? leaf.Syntax.SyntaxTree);
                if (!settings.Skip)
                {
                    // a lone value has just passed the look test without option words: with none configured, it need not be asked again
                    AnalyzeValue(new LeafReporter(context, leaf, root, IsLeafOfRoot), root, settings, lookChecked: root == leaf && constant.Value is string && settings.Words.IsDefaultOrEmpty);
                }
            }

            /// <summary>A leaf of a constant value: a string literal or constant reference, a <c>u8</c> literal, a constant byte array.</summary>
            private static bool IsLeaf(IOperation operation)
            {
                switch (operation.Kind)
                {
                    case OperationKind.Literal:
                    case OperationKind.FieldReference:
                    case OperationKind.LocalReference:
                        // a reference to a string constant carries its value; any other reference has none
                        return operation.ConstantValue.HasValue && operation.ConstantValue.Value is string && IsCandidate(operation);
                    case OperationKind.Utf8String:
                        return true;
                    case OperationKind.ArrayCreation:
                        return IsCandidate(operation);
                    default:
                        return false;
                }
            }

            /// <summary>
            /// The operation judged for <paramref name="leaf"/>: the first candidate around it that is not inside a larger
            /// constant value (the same candidate a walk over every operation would judge), or null.
            /// </summary>
            private static IOperation? RootOf(IOperation leaf)
            {
                var current = leaf;
                for (var depth = 0; depth < 256; depth++)
                {
                    if (PositionOf(current) != Position.Inside)
                    {
                        return current;
                    }

                    var enclosing = EnclosingCandidate(current);
                    if (enclosing == null)
                    {
                        return null;
                    }

                    current = enclosing;
                }

                return null;
            }

            /// <summary>The candidate that <see cref="PositionOf"/> found <paramref name="operation"/> to be inside of.</summary>
            private static IOperation? EnclosingCandidate(IOperation operation)
            {
                var parent = operation.Parent;
                while (parent is IConversionOperation || parent is IParenthesizedOperation)
                {
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IBinaryOperation binary:
                        return binary;
                    case IInterpolationOperation hole:
                        return hole.Parent;
                    case IInterpolatedStringTextOperation text:
                        return text.Parent;
                    case IArgumentOperation argument:
                        return argument.Parent;
                    default:
                        return null;
                }
            }

            /// <summary>
            /// Whether an operation is a leaf of the value <paramref name="root"/>: a value made of several leaves is judged
            /// from each of them (such values are rare) and reported from one (<see cref="LeafReporter"/>).
            /// </summary>
            private static readonly Func<IOperation, IOperation, bool> IsLeafOfRoot = (operation, root) => IsLeaf(operation) && RootOf(operation) == root;

            /// <summary>
            /// Judges each constant value once, at its outermost operation: a literal, a constant reference or byte array,
            /// or a concatenation, interpolation or conversion made only of constants.
            /// </summary>
            private void AnalyzeValue(LeafReporter context, IOperation operation, TreeSettings settings, bool lookChecked)
            {
                if (operation.Parent is INameOfOperation)
                {
                    return;
                }

                var position = PositionOf(operation);
                if (position == Position.Inside)
                {
                    return; // a larger constant value around it is judged instead
                }

                if (!CredentialValues.TryFold(operation, out var value) || value.Length == 0)
                {
                    return;
                }

                var textMayBeCredential = CredentialPatterns.MayHoldCredentialText(value);
                Sink? sink = null;
                if (!textMayBeCredential)
                {
                    if (position == Position.Partial)
                    {
                        return; // a piece of a larger string counts only for a credential in its text, and it has none
                    }

                    // No JWT, PEM block or secret field in the text: only the name of the place the value goes can make
                    // it a credential, so that name is read first, before the value's parts (a constant's declaration).
                    sink = ResolveSink(OuterSlot(operation), context.ContainingSymbol, settings);
                    if (sink == null || sink.Kind == CredentialNameKind.None)
                    {
                        return; // most plausible-looking values of business code stop here: "orders", "application/json"
                    }
                }

                var parts = default(PartSummary);
                Inspect(operation, ref parts, settings);
                if (position == Position.Partial)
                {
                    // a constant piece of a larger, non-constant string: only text that is a credential on its own counts
                    if (parts.Constants == 0 && !parts.Skip)
                    {
                        ReportText(context, operation.Syntax, value, settings);
                    }

                    return;
                }

                if (parts.Skip || (!lookChecked && !CredentialPatterns.MayBeReported(value, settings.Words)))
                {
                    return; // nothing a sink, a name or a look could make of it: most values stop here
                }

                sink ??= ResolveSink(OuterSlot(operation), context.ContainingSymbol, settings);
                Judge(context, operation, value, sink, settings);
            }

            // ---- judging a value -------------------------------------------------------------------------

            private void Judge(LeafReporter context, IOperation root, string value, Sink? sink, TreeSettings settings)
            {
                var secretPart = value;
                string? scheme = null;
                if (sink != null && sink.HeaderValue && TryStripScheme(value, out scheme, out var rest))
                {
                    secretPart = rest;
                    var basic = string.Equals(scheme.Trim(), "Basic", StringComparison.OrdinalIgnoreCase);
                    sink.Description = (basic ? "The Basic credentials of " : "The Bearer token of ") + LowerFirst(sink.Description);
                    sink.SettingSource = basic ? "BasicCredentials" : "AccessToken";
                }

                var shape = CredentialPatterns.FindCredential(secretPart, out var start, out var length);
                if (sink != null && sink.Kind != CredentialNameKind.None
                    && (shape != CredentialShape.None || CredentialPatterns.IsPlausibleCredential(secretPart, settings.Words)))
                {
                    var kind = shape != CredentialShape.None ? CredentialNameKind.Secret : sink.Kind;
                    ReportValue(context, root, secretPart, scheme, sink, kind, settings);
                    return;
                }

                if (shape != CredentialShape.None)
                {
                    var what = shape == CredentialShape.Jwt ? "a JWT" : "a PEM private key";
                    var found = new Sink(
                        sink == null ? UpperFirst(what) : sink.Description + " (" + what + ")",
                        sink?.SettingSource ?? (shape == CredentialShape.Jwt ? "AccessToken" : "PrivateKey"),
                        CredentialNameKind.Secret)
                    {
                        Constant = sink?.Constant,
                        NoFix = (sink?.NoFix ?? false)
                                || secretPart.Substring(0, start).Trim().Length != 0
                                || secretPart.Substring(start + length).Trim().Length != 0, // a credential inside larger text
                    };
                    ReportValue(context, root, secretPart.Substring(start, length), scheme, found, CredentialNameKind.Secret, settings);
                    return;
                }

                ReportText(context, root.Syntax, value, settings);
            }

            private void ReportValue(LeafReporter context, IOperation root, string secret, string? scheme, Sink sink, CredentialNameKind kind, TreeSettings settings)
            {
                // the part of the value the fix replaces: the text the user wrote, without a scheme or a conversion
                var valueNode = ConstantStrings.Unwrap(root)!;
                string? prefix = null;
                if (scheme != null)
                {
                    switch (valueNode)
                    {
                        case IBinaryOperation binary when ConstantStrings.TryFold(binary.LeftOperand, out var left) && left == scheme:
                            valueNode = ConstantStrings.Unwrap(binary.RightOperand)!;
                            break;
                        case IInterpolatedStringOperation interpolated when interpolated.Parts.Length == 2
                                                                            && interpolated.Parts[0] is IInterpolatedStringTextOperation text
                                                                            && text.Text.ConstantValue.Value is string s && s == scheme
                                                                            && interpolated.Parts[1] is IInterpolationOperation hole:
                            valueNode = ConstantStrings.Unwrap(hole.Expression)!;
                            break;
                        case ILiteralOperation:
                            prefix = scheme;
                            break;
                    }
                }

                while (valueNode is IInvocationOperation conversion && conversion.Arguments.Length == 1 && CredentialValues.IsValueConversion(conversion.TargetMethod))
                {
                    valueNode = ConstantStrings.Unwrap(conversion.Arguments[0].Value)!;
                }

                var builder = ImmutableDictionary.CreateBuilder<string, string?>();
                var setting = sink.SettingSource;
                var shape = FixShape(valueNode, sink, prefix, settings, ref setting);
                if (shape != null)
                {
                    builder.Add(ShapeProperty, shape);
                    builder.Add(SettingProperty, CredentialPatterns.SettingName(setting));
                    builder.Add(NullableProperty, shape == ShapeString || shape == ShapePrefixed ? (TargetAcceptsNull(valueNode, context.ContainingSymbol) ? "true" : "false") : "false");
                    if (prefix != null)
                    {
                        builder.Add(PrefixProperty, prefix);
                    }
                }

                var descriptor = kind == CredentialNameKind.ClientId ? Descriptors.CYB0001_HardcodedClientId : Descriptors.CYB0001_HardcodedCredential;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, valueNode.Syntax.GetLocation(), builder.ToImmutable(), sink.Description, SecretMask.Mask(secret)));
            }

            private string? FixShape(IOperation valueNode, Sink sink, string? prefix, TreeSettings settings, ref string setting)
            {
                if (sink.NoFix || IsInConstantContext(valueNode.Syntax))
                {
                    return null;
                }

                if (sink.Constant != null)
                {
                    setting = sink.Constant.Name;
                    return ShapeConstant;
                }

                var parts = default(PartSummary);
                Inspect(valueNode, ref parts, settings);
                if (parts.Constants > 0)
                {
                    // only a lone constant can be fixed (at its declaration); a mix would leave the constant's literal behind
                    if (parts.Constants == 1 && parts.Constant != null && ConstantStrings.Unwrap(valueNode) is IFieldReferenceOperation or ILocalReferenceOperation)
                    {
                        setting = parts.Constant.Name;
                        return ShapeConstantUse;
                    }

                    return null;
                }

                switch (valueNode)
                {
                    case IUtf8StringOperation:
                        return ShapeUtf8;
                    case IArrayCreationOperation:
                        return ShapeBytes;
                    case ILiteralOperation when prefix != null:
                        return ShapePrefixed;
                    default:
                        return valueNode.Type?.SpecialType == SpecialType.System_String ? ShapeString : null;
                }
            }

            /// <summary>Reports a JWT, a PEM key, or a secret field of JSON/form text found inside <paramref name="text"/>; no fix.</summary>
            private static void ReportText(LeafReporter context, SyntaxNode node, string text, TreeSettings settings)
            {
                var shape = CredentialPatterns.FindCredential(text, out var start, out var length);
                if (shape != CredentialShape.None)
                {
                    var what = shape == CredentialShape.Jwt ? "A JWT" : "A PEM private key";
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CYB0001_HardcodedCredential, node.GetLocation(), what, SecretMask.Mask(text.Substring(start, length))));
                    return;
                }

                if (CredentialPatterns.TryFindSecretField(text, settings.Words, out var key, out var value, out var kind, out var isJson))
                {
                    var description = isJson ? "The \"" + key + "\" field of JSON text" : "The '" + key + "' field of form text";
                    var descriptor = kind == CredentialNameKind.ClientId ? Descriptors.CYB0001_HardcodedClientId : Descriptors.CYB0001_HardcodedCredential;
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, node.GetLocation(), description, SecretMask.Mask(value)));
                }
            }

            // ---- the structure of a constant value ----------------------------------------------------------

            /// <summary>An operation that may hold a whole constant value (cheap checks only).</summary>
            private static bool IsCandidate(IOperation operation)
            {
                switch (operation)
                {
                    case ILiteralOperation literal:
                        return literal.ConstantValue.HasValue && literal.ConstantValue.Value is string;
                    case IUtf8StringOperation:
                        return true;
                    case IArrayCreationOperation array:
                        return array.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                               && array.Initializer != null && array.Initializer.ElementValues.Length > 0;
                    case IFieldReferenceOperation { Field: { IsConst: true } field }:
                        return field.Type.SpecialType == SpecialType.System_String;
                    case ILocalReferenceOperation { Local: { IsConst: true } local }:
                        return local.Type.SpecialType == SpecialType.System_String;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                        return binary.Type?.SpecialType == SpecialType.System_String;
                    case IInterpolatedStringOperation:
                        return true;
                    case IInvocationOperation invocation:
                        return invocation.Arguments.Length == 1 && CredentialValues.IsValueConversion(invocation.TargetMethod);
                    default:
                        return false;
                }
            }

            /// <summary>Where a constant operation stands in the expression around it.</summary>
            private enum Position
            {
                /// <summary>The whole value: judge it.</summary>
                Whole,

                /// <summary>Part of a larger constant value (or an interpolation's alignment or format): skip it.</summary>
                Inside,

                /// <summary>A constant piece of a concatenation or interpolation that is not constant.</summary>
                Partial,
            }

            private static Position PositionOf(IOperation operation)
            {
                var child = operation;
                var parent = operation.Parent;
                while (parent is IConversionOperation || parent is IParenthesizedOperation)
                {
                    child = parent;
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                        return CredentialValues.TryFold(binary, out _) ? Position.Inside : Position.Partial;
                    case IInterpolationOperation hole:
                        if (hole.Expression != child)
                        {
                            return Position.Inside;
                        }

                        return hole.Parent is IInterpolatedStringOperation holder && CredentialValues.TryFold(holder, out _) ? Position.Inside : Position.Partial;
                    case IInterpolatedStringTextOperation text:
                        return text.Parent is IInterpolatedStringOperation owner && CredentialValues.TryFold(owner, out _) ? Position.Inside : Position.Partial;
                    case IArgumentOperation { Parent: IInvocationOperation invocation } when invocation.Arguments.Length == 1
                                                                                       && CredentialValues.IsValueConversion(invocation.TargetMethod):
                        return Position.Inside; // the conversion of a constant is constant too
                    default:
                        return Position.Whole;
                }
            }

            /// <summary>
            /// Walks the constant parts of a value. It is skipped when a part is <c>nameof</c>, a library's constant, or a
            /// constant that is reported at its own declaration (or built from other constants).
            /// </summary>
            private static void Inspect(IOperation? operation, ref PartSummary parts, TreeSettings settings)
            {
                operation = ConstantStrings.Unwrap(operation);
                switch (operation)
                {
                    case null:
                        return;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                        Inspect(binary.LeftOperand, ref parts, settings);
                        Inspect(binary.RightOperand, ref parts, settings);
                        return;
                    case IInterpolatedStringOperation interpolated:
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation hole)
                            {
                                Inspect(hole.Expression, ref parts, settings);
                            }
                        }

                        return;
                    case IInvocationOperation invocation when invocation.Arguments.Length == 1 && CredentialValues.IsValueConversion(invocation.TargetMethod):
                        Inspect(invocation.Arguments[0].Value, ref parts, settings);
                        return;
                    case INameOfOperation:
                        parts.Skip = true;
                        return;
                    case IFieldReferenceOperation { Field: { IsConst: true } field }:
                        InspectConstant(field, field.ConstantValue, ref parts, settings);
                        return;
                    case ILocalReferenceOperation { Local: { IsConst: true } local }:
                        InspectConstant(local, local.ConstantValue, ref parts, settings);
                        return;
                }
            }

            private static void InspectConstant(ISymbol constant, object? value, ref PartSummary parts, TreeSettings settings)
            {
                parts.Constants++;
                parts.Constant = constant;
                if (constant.DeclaringSyntaxReferences.Length != 1
                    || !(value is string text)
                    || IsBuiltFromOtherSymbols(constant)
                    || IsReportedAtDeclaration(constant.Name, text, settings))
                {
                    parts.Skip = true;
                }
            }

            /// <summary>The same judgement <see cref="Judge"/> makes at a constant's declaration, from its name and value alone.</summary>
            private static bool IsReportedAtDeclaration(string name, string value, TreeSettings settings)
            {
                if (CredentialPatterns.FindCredential(value, out _, out _) != CredentialShape.None)
                {
                    return true;
                }

                if (CredentialPatterns.Classify(name, settings.Words) != CredentialNameKind.None && CredentialPatterns.IsPlausibleCredential(value, settings.Words))
                {
                    return true;
                }

                return CredentialPatterns.TryFindSecretField(value, settings.Words, out _, out _, out _, out _);
            }

            /// <summary>
            /// A constant whose initializer names other symbols (<c>const string Header = "Bearer " + Token;</c>): it is
            /// judged through those, so a use of it is never reported on its own.
            /// </summary>
            private static bool IsBuiltFromOtherSymbols(ISymbol constant)
            {
                if (!(constant.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }))
                {
                    return true;
                }

                foreach (var node in initializer.DescendantNodesAndSelf())
                {
                    if (node is IdentifierNameSyntax)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The value's place in its parent, looking through conversions, parentheses, <c>??</c> fallbacks and <c>?:</c> branches.</summary>
            private static IOperation OuterSlot(IOperation operation)
            {
                var current = operation;
                while (true)
                {
                    switch (current.Parent)
                    {
                        case IConversionOperation conversion:
                            current = conversion;
                            continue;
                        case IParenthesizedOperation parenthesized:
                            current = parenthesized;
                            continue;
                        case ICoalesceOperation coalesce when coalesce.WhenNull == current:
                            current = coalesce;
                            continue;
                        case IConditionalOperation conditional when conditional.Type != null && (conditional.WhenTrue == current || conditional.WhenFalse == current):
                            current = conditional;
                            continue;
                        default:
                            return current;
                    }
                }
            }

            // ---- where a value goes ---------------------------------------------------------------------------

            private Sink? ResolveSink(IOperation slot, ISymbol containingSymbol, TreeSettings settings)
            {
                // configuration["Cybrid:ClientSecret"] ?? "s3cr3t": the key of the read names the value
                for (var current = slot; current is ICoalesceOperation || current is IConditionalOperation || current is IConversionOperation || current is IParenthesizedOperation;)
                {
                    if (current is ICoalesceOperation coalesce && FallbackSink(coalesce.Value, settings) is { } fallback)
                    {
                        return fallback;
                    }

                    current = current switch
                    {
                        ICoalesceOperation c => c.WhenNull,
                        IConversionOperation c => c.Operand,
                        IParenthesizedOperation p => p.Operand,
                        _ => null,
                    };
                }

                Sink? sink;
                switch (slot.Parent)
                {
                    case IArgumentOperation argument:
                        sink = ArgumentSink(argument, settings);
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Value == slot:
                        sink = AssignmentSink(assignment, settings);
                        break;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        sink = MemberSink(declarator.Symbol, settings);
                        break;
                    case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                        sink = MemberSink(field.InitializedFields[0], settings);
                        break;
                    case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                        sink = MemberSink(property.InitializedProperties[0], settings);
                        break;
                    case IParameterInitializerOperation parameter:
                        sink = new Sink(
                            Place.ParameterDefault,
                            parameter.Parameter,
                            null,
                            null,
                            parameter.Parameter.Name,
                            CredentialPatterns.Classify(parameter.Parameter.Name, settings.Words)) { NoFix = true };
                        break;
                    case IReturnOperation returned:
                        sink = ReturnSink(returned, containingSymbol, settings);
                        break;
                    case ITupleOperation tuple when tuple.Elements.Length == 2 && tuple.Elements[1] == slot && ConstantStrings.TryFold(tuple.Elements[0], out var key):
                        sink = EntrySink(key, settings);
                        break;
                    default:
                        sink = null;
                        break;
                }

                return sink;
            }

            private Sink? ArgumentSink(IArgumentOperation argument, TreeSettings settings)
            {
                var parameter = argument.Parameter;
                if (parameter == null)
                {
                    return null;
                }

                var method = parameter.ContainingSymbol as IMethodSymbol;
                var type = parameter.ContainingSymbol?.ContainingType;
                if (method != null && type != null)
                {
                    var known = KnownSink(argument, parameter, method, type);
                    if (known != null)
                    {
                        return known;
                    }
                }

                // (key, value) pairs: Dictionary.Add, KeyValuePair, HttpHeaders.Add, Utf8JsonWriter.WriteString, …
                if (parameter.Name == "value" && parameter.Ordinal > 0
                    && TryGetArgument(argument.Parent, parameter.Ordinal - 1, out var keyArgument)
                    && IsKeyParameter(keyArgument.Parameter)
                    && ConstantStrings.TryFold(keyArgument.Value, out var key))
                {
                    var entry = EntrySink(key, settings);
                    if (entry != null)
                    {
                        return entry;
                    }
                }

                var kind = CredentialPatterns.Classify(parameter.Name, settings.Words);
                if (kind == CredentialNameKind.None && method is { MethodKind: MethodKind.Constructor } && type != null)
                {
                    // a positional record whose property carries [JsonPropertyName("client_secret")]
                    foreach (var member in type.GetMembers(parameter.Name))
                    {
                        if (member is IPropertySymbol property && JsonName(property) is { } json
                            && CredentialPatterns.Classify(json, settings.Words) is var jsonKind && jsonKind != CredentialNameKind.None)
                        {
                            return new Sink(Place.Argument, parameter, method, json, json, jsonKind);
                        }
                    }
                }

                return new Sink(Place.Argument, parameter, method, null, parameter.Name, kind);
            }

            /// <summary>The framework's credential parameters.</summary>
            private Sink? KnownSink(IArgumentOperation argument, IParameterSymbol parameter, IMethodSymbol method, INamedTypeSymbol type)
            {
                if (method.MethodKind == MethodKind.Constructor)
                {
                    if (Is(type, _authenticationHeaderValue) && parameter.Ordinal == 1)
                    {
                        var scheme = TryGetArgument(argument.Parent, 0, out var schemeArgument) && ConstantStrings.TryFold(schemeArgument.Value, out var s) ? s.Trim() : string.Empty;
                        if (string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
                        {
                            return new Sink("The Bearer token of new AuthenticationHeaderValue(…)", "AccessToken", CredentialNameKind.Secret);
                        }

                        if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
                        {
                            return new Sink("The Basic credentials of new AuthenticationHeaderValue(…)", "BasicCredentials", CredentialNameKind.Secret);
                        }

                        return new Sink("The credentials of new AuthenticationHeaderValue(…)", "AccessToken", CredentialNameKind.Secret);
                    }

                    if (Is(type, _networkCredential) && parameter.Name == "password")
                    {
                        return new Sink("The password of new NetworkCredential(…)", "Password", CredentialNameKind.Secret);
                    }

                    if (parameter.Name == "key" && DerivesFrom(type, _hmac))
                    {
                        return new Sink("The key of new " + type.Name + "(…)", "SigningKey", CredentialNameKind.Secret);
                    }

                    return null;
                }

                if (method.IsStatic && parameter.Name == "key" && IsBytes(parameter.Type) && IsCryptography(type))
                {
                    // HMACSHA256.HashData(key, …), HMACSHA512.TryHashData, IncrementalHash.CreateHMAC(…, key)
                    return new Sink("The key of " + type.Name + "." + method.Name + "(…)", "SigningKey", CredentialNameKind.Secret);
                }

                if (Is(type, _authenticationHeaderValue) && (method.Name == "Parse" || method.Name == "TryParse") && parameter.Ordinal == 0)
                {
                    return new Sink("The header parsed by AuthenticationHeaderValue." + method.Name + "(…)", "AccessToken", CredentialNameKind.Secret) { HeaderValue = true };
                }

                if ((parameter.Name == "value" || parameter.Name == "values") && DerivesFrom(type, _httpHeaders)
                    && TryGetArgument(argument.Parent, 0, out var nameArgument) && ConstantStrings.TryFold(nameArgument.Value, out var header) && LogSecretNames.IsAuthorizationHeaderName(header))
                {
                    return AuthorizationHeaderSink();
                }

                return null;
            }

            private Sink? AssignmentSink(ISimpleAssignmentOperation assignment, TreeSettings settings)
            {
                switch (assignment.Target)
                {
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                        var owner = ReferencedSymbol(indexer.Instance);
                        if (owner != null && CredentialPatterns.Classify(owner.Name, settings.Words) is var ownerKind && ownerKind != CredentialNameKind.None)
                        {
                            // a generated client's Configuration.ApiKey["Authorization"] = "…"
                            return new Sink("An entry of '" + Qualified(owner) + "'", owner.Name, ownerKind);
                        }

                        return indexer.Arguments.Length == 1 && ConstantStrings.TryFold(indexer.Arguments[0].Value, out var key) ? EntrySink(key, settings) : null;
                    case IPropertyReferenceOperation property:
                        if (property.Property.Name == "Key" && DerivesFrom((property.Instance?.Type ?? property.Property.ContainingType) as INamedTypeSymbol, _hmac))
                        {
                            var hmacType = property.Instance?.Type ?? property.Property.ContainingType;
                            return new Sink("The key of " + hmacType.Name + ".Key", "SigningKey", CredentialNameKind.Secret);
                        }

                        return MemberSink(property.Property, settings);
                    case IFieldReferenceOperation field:
                        return MemberSink(field.Field, settings);
                    case ILocalReferenceOperation local:
                        return MemberSink(local.Local, settings);
                    case IParameterReferenceOperation parameter:
                        return MemberSink(parameter.Parameter, settings);
                    default:
                        return null;
                }
            }

            private static Sink MemberSink(ISymbol symbol, TreeSettings settings)
            {
                var constant = symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true } ? symbol : null;
                if (JsonName(symbol) is { } json && CredentialPatterns.Classify(json, settings.Words) is var jsonKind && jsonKind != CredentialNameKind.None)
                {
                    return new Sink(Place.Member, symbol, null, json, json, jsonKind) { Constant = constant };
                }

                return new Sink(Place.Member, symbol, null, null, symbol.Name, CredentialPatterns.Classify(symbol.Name, settings.Words)) { Constant = constant };
            }

            private static Sink? ReturnSink(IReturnOperation returned, ISymbol containingSymbol, TreeSettings settings)
            {
                for (var parent = returned.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                    {
                        return null;
                    }
                }

                switch (containingSymbol)
                {
                    case IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property }:
                        return MemberSink(property, settings);
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                        var name = method.Name.Length > 3 && method.Name.StartsWith("Get", StringComparison.Ordinal) && char.IsUpper(method.Name[3])
                            ? method.Name.Substring(3)
                            : method.Name;
                        return new Sink(Place.Returned, method, method, null, name, CredentialPatterns.Classify(name, settings.Words));
                    default:
                        return null;
                }
            }

            /// <summary>The fallback of a read whose key says secret: <c>configuration["Cybrid:ClientSecret"]</c>, <c>GetEnvironmentVariable("CYBRID_API_KEY")</c>, <c>GetValue&lt;string&gt;("ApiKey")</c>.</summary>
            private static Sink? FallbackSink(IOperation read, TreeSettings settings)
            {
                var arguments = ConstantStrings.Unwrap(read) switch
                {
                    IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Arguments,
                    IInvocationOperation invocation => invocation.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };
                foreach (var argument in arguments)
                {
                    if (argument.Value.Type?.SpecialType == SpecialType.System_String && ConstantStrings.TryFold(argument.Value, out var key))
                    {
                        if (!CredentialPatterns.IsIdentifierLike(key) || CredentialPatterns.Classify(key, settings.Words) is var kind && kind == CredentialNameKind.None)
                        {
                            return null;
                        }

                        return new Sink("The fallback for '" + key + "'", key, kind);
                    }
                }

                return null;
            }

            /// <summary>An entry keyed <c>client_secret</c>, <c>Cybrid:ClientSecret</c>, <c>X-Api-Key</c>, <c>Authorization</c>, …</summary>
            private static Sink? EntrySink(string key, TreeSettings settings)
            {
                if (LogSecretNames.IsAuthorizationHeaderName(key))
                {
                    return AuthorizationHeaderSink();
                }

                if (!CredentialPatterns.IsIdentifierLike(key))
                {
                    return null;
                }

                var kind = CredentialPatterns.Classify(key, settings.Words);
                return kind == CredentialNameKind.None ? null : new Sink("The '" + key + "' entry", key, kind);
            }

            private static Sink AuthorizationHeaderSink()
                => new Sink("The Authorization header", "AccessToken", CredentialNameKind.Secret) { HeaderValue = true };

            // ---- the fix's needs ------------------------------------------------------------------------------

            /// <summary>
            /// True when the place the value goes accepts null (a <c>string?</c> parameter, property or field, or a
            /// concatenation), so the fix reads the setting without <c>?? throw</c>.
            /// </summary>
            private static bool TargetAcceptsNull(IOperation valueNode, ISymbol containingSymbol)
            {
                var slot = OuterSlot(valueNode);
                switch (slot.Parent)
                {
                    case IArgumentOperation argument:
                        return argument.Parameter?.Type.NullableAnnotation == NullableAnnotation.Annotated;
                    case ISimpleAssignmentOperation assignment:
                        return TypeOfTarget(assignment.Target)?.NullableAnnotation == NullableAnnotation.Annotated;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return !(declarator.Syntax.Parent is VariableDeclarationSyntax { Type.IsVar: true })
                               && declarator.Symbol.Type.NullableAnnotation == NullableAnnotation.Annotated;
                    case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                        return field.InitializedFields[0].Type.NullableAnnotation == NullableAnnotation.Annotated;
                    case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                        return property.InitializedProperties[0].Type.NullableAnnotation == NullableAnnotation.Annotated;
                    case IReturnOperation:
                        return containingSymbol is IMethodSymbol method && method.ReturnType.NullableAnnotation == NullableAnnotation.Annotated;
                    case IBinaryOperation:
                    case IInterpolationOperation:
                        return true;
                    default:
                        return false;
                }
            }

            private static ITypeSymbol? TypeOfTarget(IOperation target)
            {
                switch (target)
                {
                    case IPropertyReferenceOperation property:
                        return property.Property.Type;
                    case IFieldReferenceOperation field:
                        return field.Field.Type;
                    case ILocalReferenceOperation local:
                        return local.Local.Type;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter.Type;
                    default:
                        return null;
                }
            }

            /// <summary>Attribute arguments, parameter defaults and case labels need constants: no read can go there.</summary>
            private static bool IsInConstantContext(SyntaxNode node)
            {
                for (var current = node.Parent; current != null; current = current.Parent)
                {
                    switch (current)
                    {
                        case AttributeArgumentSyntax:
                        case ParameterSyntax:
                        case CaseSwitchLabelSyntax:
                        case ConstantPatternSyntax:
                            return true;
                        case StatementSyntax:
                        case MemberDeclarationSyntax:
                            return false;
                    }
                }

                return false;
            }

            // ---- small helpers --------------------------------------------------------------------------------

            private static bool TryStripScheme(string value, out string scheme, out string rest)
            {
                foreach (var candidate in Schemes)
                {
                    if (value.StartsWith(candidate, StringComparison.OrdinalIgnoreCase) && value.Length > candidate.Length)
                    {
                        scheme = value.Substring(0, candidate.Length);
                        rest = value.Substring(candidate.Length).Trim();
                        return true;
                    }
                }

                scheme = rest = string.Empty;
                return false;
            }

            private static bool IsKeyParameter(IParameterSymbol? parameter)
            {
                switch (parameter?.Name)
                {
                    case "key":
                    case "name":
                    case "propertyName":
                    case "headerName":
                    case "parameterName":
                    case "fieldName":
                        return true;
                    default:
                        return false;
                }
            }

            private static bool TryGetArgument(IOperation? call, int ordinal, out IArgumentOperation argument)
            {
                var arguments = call switch
                {
                    IInvocationOperation invocation => invocation.Arguments,
                    IObjectCreationOperation creation => creation.Arguments,
                    IPropertyReferenceOperation property => property.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };
                foreach (var candidate in arguments)
                {
                    if (candidate.Parameter?.Ordinal == ordinal)
                    {
                        argument = candidate;
                        return true;
                    }
                }

                argument = null!;
                return false;
            }

            private static ISymbol? ReferencedSymbol(IOperation? operation)
            {
                switch (operation)
                {
                    case IPropertyReferenceOperation property:
                        return property.Property;
                    case IFieldReferenceOperation field:
                        return field.Field;
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    default:
                        return null;
                }
            }

            /// <summary>The serialized name of a property or field (<c>[JsonPropertyName]</c>, <c>[JsonProperty]</c>, <c>[DataMember(Name = …)]</c>).</summary>
            private static string? JsonName(ISymbol symbol)
                => symbol is IPropertySymbol || symbol is IFieldSymbol ? LogSecretNames.SerializedName(symbol) : null;

            private static string LowerFirst(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text.Substring(1) : text;

            private static string UpperFirst(string text) => text.Length > 0 ? char.ToUpperInvariant(text[0]) + text.Substring(1) : text;

            private static bool IsBytes(ITypeSymbol type)
                => type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                   || (type is INamedTypeSymbol { Name: "ReadOnlySpan", TypeArguments.Length: 1 } span && span.TypeArguments[0].SpecialType == SpecialType.System_Byte);

            private static bool IsCryptography(INamedTypeSymbol type)
                => type.ContainingNamespace is { Name: "Cryptography" } crypto
                   && crypto.ContainingNamespace is { Name: "Security" } security
                   && security.ContainingNamespace is { Name: "System" } system
                   && system.ContainingNamespace.IsGlobalNamespace;

        }
    }
}
