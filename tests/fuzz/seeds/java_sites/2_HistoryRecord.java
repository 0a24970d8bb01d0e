class ActivityManagerService {
    /* startHomeActivityLocked() { addCategory(Intent.CATEGORY_HOME); } in a comment */
    boolean startHomeActivityLocked() {
        Intent intent = new Intent(mTopAction, null);
        if (mFactoryTest != 1) {
            intent.addCategory(Intent.CATEGORY_HOME_FIRST);
        }
        String s = "}{)(";
        return true;
    }
}
class HistoryRecord {
    HistoryRecord(Intent _intent) {
        if (_intent.hasCategory("android.intent.category.HOME") && _intent.getCategories().size() == 1) {}
    }
    private void reloadButtons() { new Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME); }
    public void init() { mHomeIntent.addCategory(Intent.CATEGORY_HOME); }
}
