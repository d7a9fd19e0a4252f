using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Cybrid.Analyzers.Internal
{
    /// <summary>
    /// Folding of credential values over <see cref="ConstantStrings"/>: besides constant strings and constant bytes it
    /// follows the conversions a key or a Basic header goes through (<c>Encoding.*.GetBytes</c>,
    /// <c>Convert.FromBase64String</c>/<c>FromHexString</c>, <c>Convert.ToBase64String</c>/<c>ToHexString</c>) and
    /// concatenations or interpolations made of such parts. The folded text of a conversion is the text it was made
    /// from (the value is only masked and matched, never encoded).
    /// </summary>
    internal static class CredentialValues
    {
        public static bool TryFold(IOperation? operation, out string value)
        {
            operation = ConstantStrings.Unwrap(operation);
            value = string.Empty;
            if (operation == null)
            {
                return false;
            }

            if (ConstantStrings.TryFold(operation, out value) || ConstantStrings.TryFoldBytes(operation, out value))
            {
                return true;
            }

            switch (operation)
            {
                case IInvocationOperation invocation when invocation.Arguments.Length == 1 && IsValueConversion(invocation.TargetMethod):
                    return TryFold(invocation.Arguments[0].Value, out value);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    if (TryFold(binary.LeftOperand, out var left) && TryFold(binary.RightOperand, out var right))
                    {
                        value = left + right;
                        return true;
                    }

                    return false;
                case IInterpolatedStringOperation interpolated:
                    var builder = new StringBuilder();
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string s:
                                builder.Append(s);
                                break;
                            case IInterpolationOperation { Alignment: null, FormatString: null } hole when TryFold(hole.Expression, out var folded):
                                builder.Append(folded);
                                break;
                            default:
                                return false;
                        }
                    }

                    value = builder.ToString();
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A one-argument conversion that keeps a constant constant: <c>Encoding.GetBytes(string)</c>,
        /// <c>Convert.FromBase64String</c>, <c>Convert.FromHexString</c>, <c>Convert.ToBase64String(byte[])</c>,
        /// <c>Convert.ToHexString(byte[])</c>, <c>Convert.ToHexStringLower(byte[])</c>.
        /// </summary>
        public static bool IsValueConversion(IMethodSymbol method)
        {
            if (method.Parameters.Length != 1 || method.ContainingType == null)
            {
                return false;
            }

            switch (method.Name)
            {
                case "GetBytes":
                    return method.Parameters[0].Type.SpecialType == SpecialType.System_String && IsEncoding(method.ContainingType);
                case "FromBase64String":
                case "FromHexString":
                    return method.Parameters[0].Type.SpecialType == SpecialType.System_String && IsSystemConvert(method.ContainingType);
                case "ToBase64String":
                case "ToHexString":
                case "ToHexStringLower":
                    return method.Parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } && IsSystemConvert(method.ContainingType);
                default:
                    return false;
            }
        }

        /// <summary>True for <c>Encoding.GetBytes(string)</c> and <c>Convert.FromBase64String</c>/<c>FromHexString</c>: text in, bytes out.</summary>
        public static bool IsTextToBytes(IMethodSymbol method) => IsValueConversion(method) && method.Parameters[0].Type.SpecialType == SpecialType.System_String;

        /// <summary>True for <c>Convert.ToBase64String</c>/<c>ToHexString</c>: bytes in, text out.</summary>
        public static bool IsBytesToText(IMethodSymbol method) => IsValueConversion(method) && method.Parameters[0].Type.SpecialType != SpecialType.System_String;

        private static bool IsEncoding(INamedTypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.Name == "Encoding" && IsNamespace(current.ContainingNamespace, "Text", "System"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSystemConvert(INamedTypeSymbol type)
            => type.Name == "Convert" && type.ContainingNamespace is { Name: "System" } ns && ns.ContainingNamespace is { IsGlobalNamespace: true };

        private static bool IsNamespace(INamespaceSymbol? ns, string inner, string outer)
            => ns != null && ns.Name == inner && ns.ContainingNamespace is { } parent && parent.Name == outer
               && parent.ContainingNamespace is { IsGlobalNamespace: true };
    }
}
