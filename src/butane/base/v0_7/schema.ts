// Base spec 0.7: trees take user, group, file_mode and dir_mode.
import { extendSchema } from "../../schema";
import { schema as previous } from "../v0_6/schema";

export const schema = extendSchema(previous, {
  structs: {
    Tree: [
      { key: "group", type: "NodeGroup" },
      { key: "local", type: "string" },
      { key: "path", type: "string", optional: true },
      { key: "user", type: "NodeUser" },
      { key: "file_mode", type: "int", optional: true },
      { key: "dir_mode", type: "int", optional: true },
    ],
  },
});
