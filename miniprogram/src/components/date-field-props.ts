export type DateFieldProps = {
  label: string;
  /** 'YYYY-MM-DD', or '' when nothing is chosen yet. */
  value: string;
  onChange: (value: string) => void;
  name: string;
  error?: string | null | undefined;
  hint?: string;
  /** Bounds, 'YYYY-MM-DD'. */
  start?: string;
  end?: string;
};
