// Declarations of the precompiled Ignition schema validators. Generated; do not edit.
export interface SchemaError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
export declare const validate_v3_0: SchemaValidator;
export declare const validate_v3_1: SchemaValidator;
export declare const validate_v3_2: SchemaValidator;
export declare const validate_v3_3: SchemaValidator;
export declare const validate_v3_4: SchemaValidator;
export declare const validate_v3_5: SchemaValidator;
export declare const validate_v3_6: SchemaValidator;
export declare const validate_v3_7_experimental: SchemaValidator;
