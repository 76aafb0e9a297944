"use client";

type Props = {
  editing: boolean;
  /** Cancel is offered once something is stored to go back to. */
  canCancel: boolean;
  saving: boolean;
  testing: boolean;
  onModify: () => void;
  onCancel: () => void;
};

/**
 * A connector settings form's buttons: Modify while read-only; then Save,
 * Cancel and Test connection. Save and Test submit the same form, told apart
 * by their value ("save", "test") as the submitter.
 */
export function SettingsFormButtons({ editing, canCancel, saving, testing, onModify, onCancel }: Props) {
  return (
    <div className="flex flex-wrap gap-2">
      {editing ? (
        <>
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={saving}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800 disabled:opacity-60"
          >
            {saving ? "Saving…" : "Save"}
          </button>
          {canCancel ? (
            <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm shadow-sm hover:bg-slate-100">
              Cancel
            </button>
          ) : null}
          <button
            type="submit"
            name="intent"
            value="test"
            disabled={testing}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm shadow-sm hover:bg-slate-100 disabled:opacity-60"
          >
            {testing ? "Testing…" : "Test connection"}
          </button>
        </>
      ) : (
        // Its own key: were React to reuse this node as the Save button, the
        // click that turned it into type="submit" would submit the form.
        <button
          key="modify"
          type="button"
          onClick={onModify}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-sky-800"
        >
          Modify
        </button>
      )}
    </div>
  );
}
