class ActivityTaskManagerService {
    static final String MY_HOME = "com.example.category.KIOSK";
    Intent getHomeIntent() throws RemoteException {
        Intent intent = new Intent(mTopAction, mTopData != null ? Uri.parse(mTopData) : null);
        intent.addCategory(MY_HOME);
        return intent;
    }
    static boolean isHomeIntent(Intent intent) {
        return intent.hasCategory(CATEGORY_HOME) && intent.getCategories().size() == 1;
    }
}
