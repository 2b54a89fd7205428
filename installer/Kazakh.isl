; *** Inno Setup version 6.1.0+ Kazakh messages ***
;
; Metodsovet's own Kazakh (Cyrillic) translation of Inno Setup's English Default.isl,
; made from the English text for this project; it is not Inno Setup's unofficial Kazakh.isl.
; Terminology follows Kazakh Windows: Орнату, Келесі, Артқа, Бас тарту, Аяқтау, Шолу...
;
; The keys are those of Default.isl (Inno Setup 6.1.0+ message set, the newest copy of
; Files/Default.isl this translation was made from); installer/inno-default-keys.txt lists them with
; their placeholders and tests/installer/test_kazakh_isl.py checks this file against that list.
;
; Note (from Default.isl): do not add periods (.) to the end of messages that didn't have them
; already, because on those messages Inno Setup adds the periods automatically.
;
; Saved as UTF-8 with a BOM.

[LangOptions]
; "Қазақ" written with Inno Setup's <XXXX> Unicode escapes.
LanguageName=<049A><0430><0437><0430><049B>
LanguageID=$043F
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Орнату
SetupWindowTitle=Орнату - %1
UninstallAppTitle=Жою
UninstallAppFullTitle=%1 бағдарламасын жою

; *** Misc. common
InformationTitle=Ақпарат
ConfirmTitle=Растау
ErrorTitle=Қате

; *** SetupLdr messages
SetupLdrStartupMessage=Бұл %1 бағдарламасын орнатады. Жалғастырғыңыз келе ме?
LdrCannotCreateTemp=Уақытша файлды жасау мүмкін болмады. Орнату тоқтатылды
LdrCannotExecTemp=Уақытша қалтадағы файлды орындау мүмкін болмады. Орнату тоқтатылды
HelpTextNote=

; *** Startup error messages
LastErrorMessage=%1.%n%nҚате %2: %3
SetupFileMissing=Орнату қалтасында %1 файлы жоқ. Ақауды түзетіңіз немесе бағдарламаның жаңа көшірмесін алыңыз.
SetupFileCorrupt=Орнату файлдары зақымдалған. Бағдарламаның жаңа көшірмесін алыңыз.
SetupFileCorruptOrWrongVer=Орнату файлдары зақымдалған немесе орнату бағдарламасының бұл нұсқасымен үйлеспейді. Ақауды түзетіңіз немесе бағдарламаның жаңа көшірмесін алыңыз.
InvalidParameter=Пәрмен жолында жарамсыз параметр берілді:%n%n%1
SetupAlreadyRunning=Орнату бағдарламасы әлдеқашан іске қосылған.
WindowsVersionNotSupported=Бұл бағдарлама компьютеріңіздегі Windows нұсқасын қолдамайды.
WindowsServicePackRequired=Бұл бағдарламаға %1 Service Pack %2 немесе одан кейінгі нұсқасы қажет.
NotOnThisPlatform=Бұл бағдарлама %1 жүйесінде жұмыс істемейді.
OnlyOnThisPlatform=Бұл бағдарламаны тек %1 жүйесінде іске қосуға болады.
OnlyOnTheseArchitectures=Бұл бағдарламаны тек келесі процессор архитектураларына арналған Windows нұсқаларына орнатуға болады:%n%n%1
WinVersionTooLowError=Бұл бағдарламаға %1 жүйесінің %2 немесе одан кейінгі нұсқасы қажет.
WinVersionTooHighError=Бұл бағдарламаны %1 жүйесінің %2 немесе одан кейінгі нұсқасына орнату мүмкін емес.
AdminPrivilegesRequired=Бұл бағдарламаны орнату үшін жүйеге әкімші ретінде кіруіңіз керек.
PowerUserPrivilegesRequired=Бұл бағдарламаны орнату үшін жүйеге әкімші ретінде немесе «Тәжірибелі пайдаланушылар» (Power Users) тобының мүшесі ретінде кіруіңіз керек.
SetupAppRunningError=Орнату бағдарламасы %1 қазір жұмыс істеп тұрғанын анықтады.%n%nОның барлық терезелерін қазір жабыңыз да, жалғастыру үшін «OK» түймесін, ал шығу үшін «Бас тарту» түймесін басыңыз.
UninstallAppRunningError=Жою бағдарламасы %1 қазір жұмыс істеп тұрғанын анықтады.%n%nОның барлық терезелерін қазір жабыңыз да, жалғастыру үшін «OK» түймесін, ал шығу үшін «Бас тарту» түймесін басыңыз.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Орнату режимін таңдау
PrivilegesRequiredOverrideInstruction=Орнату режимін таңдаңыз
PrivilegesRequiredOverrideText1=%1 бағдарламасын барлық пайдаланушылар үшін (әкімші құқықтары қажет) немесе тек өзіңіз үшін орнатуға болады.
PrivilegesRequiredOverrideText2=%1 бағдарламасын тек өзіңіз үшін немесе барлық пайдаланушылар үшін (әкімші құқықтары қажет) орнатуға болады.
PrivilegesRequiredOverrideAllUsers=&Барлық пайдаланушылар үшін орнату
PrivilegesRequiredOverrideAllUsersRecommended=&Барлық пайдаланушылар үшін орнату (ұсынылады)
PrivilegesRequiredOverrideCurrentUser=&Тек мен үшін орнату
PrivilegesRequiredOverrideCurrentUserRecommended=&Тек мен үшін орнату (ұсынылады)

; *** Misc. errors
ErrorCreatingDir=Орнату бағдарламасы "%1" қалтасын жасай алмады
ErrorTooManyFilesInDir="%1" қалтасында файл жасау мүмкін болмады, себебі онда файлдар тым көп

; *** Setup common messages
ExitSetupTitle=Орнатудан шығу
ExitSetupMessage=Орнату аяқталған жоқ. Қазір шықсаңыз, бағдарлама орнатылмайды.%n%nОрнатуды аяқтау үшін орнату бағдарламасын кейінірек қайта іске қоса аласыз.%n%nОрнатудан шығасыз ба?
AboutSetupMenuItem=Орнату бағдарламасы &туралы...
AboutSetupTitle=Орнату бағдарламасы туралы
AboutSetupMessage=%1, %2 нұсқасы%n%3%n%n%1 басты беті:%n%4
AboutSetupNote=
TranslatorNote=Қазақ тіліндегі аударманы Методсовет жобасы жасады

; *** Buttons
ButtonBack=< &Артқа
ButtonNext=&Келесі >
ButtonInstall=&Орнату
ButtonOK=OK
ButtonCancel=Бас тарту
ButtonYes=&Иә
ButtonYesToAll=&Барлығына иә
ButtonNo=&Жоқ
ButtonNoToAll=Ба&рлығына жоқ
ButtonFinish=&Аяқтау
ButtonBrowse=&Шолу...
ButtonWizardBrowse=Ш&олу...
ButtonNewFolder=&Жаңа қалта жасау

; *** "Select Language" dialog messages
SelectLanguageTitle=Орнату тілін таңдау
SelectLanguageLabel=Орнату кезінде қолданылатын тілді таңдаңыз.

; *** Common wizard text
ClickNext=Жалғастыру үшін «Келесі» түймесін, ал орнатудан шығу үшін «Бас тарту» түймесін басыңыз.
BeveledLabel=
BrowseDialogTitle=Қалтаны шолу
BrowseDialogLabel=Төмендегі тізімнен қалтаны таңдап, «OK» түймесін басыңыз.
NewFolderName=Жаңа қалта

; *** "Welcome" wizard page
WelcomeLabel1=[name] орнату шеберіне қош келдіңіз
WelcomeLabel2=Бұл компьютеріңізге [name/ver] бағдарламасын орнатады.%n%nЖалғастырмас бұрын барлық басқа қолданбаларды жапқан жөн.

; *** "Password" wizard page
WizardPassword=Құпиясөз
PasswordLabel1=Бұл орнату құпиясөзбен қорғалған.
PasswordLabel3=Құпиясөзді енгізіп, жалғастыру үшін «Келесі» түймесін басыңыз. Құпиясөздің бас және кіші әріптері ескеріледі.
PasswordEditLabel=&Құпиясөз:
IncorrectPassword=Енгізілген құпиясөз дұрыс емес. Қайталап көріңіз.

; *** "License Agreement" wizard page
WizardLicense=Лицензиялық келісім
LicenseLabel=Жалғастырмас бұрын төмендегі маңызды ақпаратты оқып шығыңыз.
LicenseLabel3=Төмендегі лицензиялық келісімді оқып шығыңыз. Орнатуды жалғастыру үшін осы келісімнің шарттарын қабылдауыңыз керек.
LicenseAccepted=Келісімді &қабылдаймын
LicenseNotAccepted=Келісімді қабылда&маймын

; *** "Information" wizard pages
WizardInfoBefore=Ақпарат
InfoBeforeLabel=Жалғастырмас бұрын төмендегі маңызды ақпаратты оқып шығыңыз.
InfoBeforeClickLabel=Орнатуды жалғастыруға дайын болғанда, «Келесі» түймесін басыңыз.
WizardInfoAfter=Ақпарат
InfoAfterLabel=Жалғастырмас бұрын төмендегі маңызды ақпаратты оқып шығыңыз.
InfoAfterClickLabel=Орнатуды жалғастыруға дайын болғанда, «Келесі» түймесін басыңыз.

; *** "User Information" wizard page
WizardUserInfo=Пайдаланушы туралы ақпарат
UserInfoDesc=Өзіңіз туралы ақпаратты енгізіңіз.
UserInfoName=&Пайдаланушы аты:
UserInfoOrg=&Ұйым:
UserInfoSerial=&Сериялық нөмір:
UserInfoNameRequired=Атыңызды енгізуіңіз керек.

; *** "Select Destination Location" wizard page
WizardSelectDir=Орнату орнын таңдау
SelectDirDesc=[name] қайда орнатылсын?
SelectDirLabel3=Орнату бағдарламасы [name] бағдарламасын төмендегі қалтаға орнатады.
SelectDirBrowseLabel=Жалғастыру үшін «Келесі» түймесін басыңыз. Басқа қалтаны таңдағыңыз келсе, «Шолу» түймесін басыңыз.
DiskSpaceGBLabel=Дискіде кемінде [gb] ГБ бос орын қажет.
DiskSpaceMBLabel=Дискіде кемінде [mb] МБ бос орын қажет.
CannotInstallToNetworkDrive=Орнату бағдарламасы желілік дискіге орната алмайды.
CannotInstallToUNCPath=Орнату бағдарламасы UNC жолына орната алмайды.
InvalidPath=Диск әрпі бар толық жолды енгізуіңіз керек, мысалы:%n%nC:\APP%n%nнемесе мына түрдегі UNC жолын:%n%n\\сервер\ортақ_қалта
InvalidDrive=Сіз таңдаған диск немесе UNC ортақ қалтасы жоқ немесе оған қол жеткізу мүмкін емес. Басқасын таңдаңыз.
DiskSpaceWarningTitle=Дискіде орын жеткіліксіз
DiskSpaceWarning=Орнату үшін кемінде %1 КБ бос орын қажет, бірақ таңдалған дискіде тек %2 КБ бос орын бар.%n%nСонда да жалғастырғыңыз келе ме?
DirNameTooLong=Қалта атауы немесе жол тым ұзын.
InvalidDirName=Қалта атауы жарамсыз.
BadDirName32=Қалта атауларында келесі таңбалардың ешқайсысы болмауы керек:%n%n%1
DirExistsTitle=Қалта бар
DirExists=Мына қалта:%n%n%1%n%nбұрыннан бар. Сонда да осы қалтаға орнатқыңыз келе ме?
DirDoesntExistTitle=Қалта жоқ
DirDoesntExist=Мына қалта:%n%n%1%n%nжоқ. Қалтаны жасау керек пе?

; *** "Select Components" wizard page
WizardSelectComponents=Құрамдастарды таңдау
SelectComponentsDesc=Қандай құрамдастар орнатылсын?
SelectComponentsLabel2=Орнатқыңыз келетін құрамдастарды белгілеңіз; орнатқыңыз келмейтін құрамдастардың белгісін алып тастаңыз. Жалғастыруға дайын болғанда, «Келесі» түймесін басыңыз.
FullInstallation=Толық орнату
; if possible don't translate 'Compact' as 'Minimal' (I mean 'Minimal' in your language)
CompactInstallation=Ықшам орнату
CustomInstallation=Таңдамалы орнату
NoUninstallWarningTitle=Құрамдастар бар
NoUninstallWarning=Орнату бағдарламасы келесі құрамдастар компьютеріңізде бұрыннан орнатылғанын анықтады:%n%n%1%n%nБұл құрамдастардың белгісін алып тастау оларды жоймайды.%n%nСонда да жалғастырғыңыз келе ме?
ComponentSize1=%1 КБ
ComponentSize2=%1 МБ
ComponentsDiskSpaceGBLabel=Ағымдағы таңдау үшін дискіде кемінде [gb] ГБ орын қажет.
ComponentsDiskSpaceMBLabel=Ағымдағы таңдау үшін дискіде кемінде [mb] МБ орын қажет.

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Қосымша тапсырмаларды таңдау
SelectTasksDesc=Қандай қосымша тапсырмалар орындалсын?
SelectTasksLabel2=[name] орнату кезінде орнату бағдарламасы орындайтын қосымша тапсырмаларды таңдап, «Келесі» түймесін басыңыз.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Бастау мәзірінің қалтасын таңдау
SelectStartMenuFolderDesc=Орнату бағдарламасы бағдарлама таңбашаларын қайда орналастырсын?
SelectStartMenuFolderLabel3=Орнату бағдарламасы бағдарлама таңбашаларын Бастау мәзірінің төмендегі қалтасында жасайды.
SelectStartMenuFolderBrowseLabel=Жалғастыру үшін «Келесі» түймесін басыңыз. Басқа қалтаны таңдағыңыз келсе, «Шолу» түймесін басыңыз.
MustEnterGroupName=Қалта атауын енгізуіңіз керек.
GroupNameTooLong=Қалта атауы немесе жол тым ұзын.
InvalidGroupName=Қалта атауы жарамсыз.
BadGroupName=Қалта атауында келесі таңбалардың ешқайсысы болмауы керек:%n%n%1
NoProgramGroupCheck2=Бастау мәзірінде қалта &жасамау

; *** "Ready to Install" wizard page
WizardReady=Орнатуға дайын
ReadyLabel1=Орнату бағдарламасы компьютеріңізге [name] орнатуды бастауға дайын.
ReadyLabel2a=Орнатуды жалғастыру үшін «Орнату» түймесін, ал параметрлерді қарап шығу немесе өзгерту үшін «Артқа» түймесін басыңыз.
ReadyLabel2b=Орнатуды жалғастыру үшін «Орнату» түймесін басыңыз.
ReadyMemoUserInfo=Пайдаланушы туралы ақпарат:
ReadyMemoDir=Орнату орны:
ReadyMemoType=Орнату түрі:
ReadyMemoComponents=Таңдалған құрамдастар:
ReadyMemoGroup=Бастау мәзірінің қалтасы:
ReadyMemoTasks=Қосымша тапсырмалар:

; *** TDownloadWizardPage wizard page and DownloadTemporaryFile
DownloadingLabel=Қосымша файлдар жүктеліп жатыр...
ButtonStopDownload=Жүктеуді &тоқтату
StopDownload=Жүктеуді шынымен тоқтатқыңыз келе ме?
ErrorDownloadAborted=Жүктеу тоқтатылды
ErrorDownloadFailed=Жүктеу сәтсіз аяқталды: %1 %2
ErrorDownloadSizeFailed=Өлшемін алу сәтсіз аяқталды: %1 %2
ErrorFileHash1=Файлдың хэшін есептеу сәтсіз аяқталды: %1
ErrorFileHash2=Файлдың хэші жарамсыз: күтілгені %1, табылғаны %2
ErrorProgress=Орындалу барысы жарамсыз: %1 / %2
ErrorFileSize=Файлдың өлшемі жарамсыз: күтілгені %1, табылғаны %2

; *** "Preparing to Install" wizard page
WizardPreparing=Орнатуға дайындық
PreparingDesc=Орнату бағдарламасы компьютеріңізге [name] орнатуға дайындалып жатыр.
PreviousInstallNotCompleted=Алдыңғы бағдарламаны орнату немесе жою аяқталмаған. Оны аяқтау үшін компьютерді қайта іске қосу керек.%n%nКомпьютер қайта іске қосылғаннан кейін [name] орнатуды аяқтау үшін орнату бағдарламасын қайта іске қосыңыз.
CannotContinue=Орнату бағдарламасы жалғастыра алмайды. Шығу үшін «Бас тарту» түймесін басыңыз.
ApplicationsFound=Төмендегі қолданбалар орнату бағдарламасы жаңартуға тиіс файлдарды пайдаланып отыр. Орнату бағдарламасына бұл қолданбаларды автоматты түрде жабуға рұқсат берген жөн.
ApplicationsFound2=Төмендегі қолданбалар орнату бағдарламасы жаңартуға тиіс файлдарды пайдаланып отыр. Орнату бағдарламасына бұл қолданбаларды автоматты түрде жабуға рұқсат берген жөн. Орнату аяқталғаннан кейін орнату бағдарламасы қолданбаларды қайта іске қосып көреді.
CloseApplications=Қолданбаларды &автоматты түрде жабу
DontCloseApplications=Қолданбаларды &жаппау
ErrorCloseApplications=Орнату бағдарламасы барлық қолданбаларды автоматты түрде жаба алмады. Жалғастырмас бұрын орнату бағдарламасы жаңартуға тиіс файлдарды пайдаланатын барлық қолданбаларды жапқан жөн.
PrepareToInstallNeedsRestart=Орнату бағдарламасы компьютерді қайта іске қосуы керек. Компьютер қайта іске қосылғаннан кейін [name] орнатуды аяқтау үшін орнату бағдарламасын қайта іске қосыңыз.%n%nҚазір қайта іске қосқыңыз келе ме?

; *** "Installing" wizard page
WizardInstalling=Орнату
InstallingLabel=Орнату бағдарламасы компьютеріңізге [name] орнатып жатыр, күте тұрыңыз.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=[name] орнату шеберінің жұмысы аяқталуда
FinishedLabelNoIcons=Орнату бағдарламасы компьютеріңізге [name] орнатуды аяқтады.
FinishedLabel=Орнату бағдарламасы компьютеріңізге [name] орнатуды аяқтады. Қолданбаны орнатылған таңбашалар арқылы іске қосуға болады.
ClickFinish=Орнатудан шығу үшін «Аяқтау» түймесін басыңыз.
FinishedRestartLabel=[name] орнатуды аяқтау үшін орнату бағдарламасы компьютерді қайта іске қосуы керек. Қазір қайта іске қосқыңыз келе ме?
FinishedRestartMessage=[name] орнатуды аяқтау үшін орнату бағдарламасы компьютерді қайта іске қосуы керек.%n%nҚазір қайта іске қосқыңыз келе ме?
ShowReadmeCheck=Иә, README файлын қарағым келеді
YesRadio=&Иә, компьютерді қазір қайта іске қосу
NoRadio=&Жоқ, компьютерді кейінірек өзім қайта іске қосамын
; used for example as 'Run MyProg.exe'
RunEntryExec=%1 іске қосу
; used for example as 'View Readme.txt'
RunEntryShellExec=%1 қарау

; *** "Setup Needs the Next Disk" stuff
ChangeDiskTitle=Орнату бағдарламасына келесі диск қажет
SelectDiskLabel2=%1-дискіні салып, «OK» түймесін басыңыз.%n%nЕгер бұл дискідегі файлдар төменде көрсетілгеннен басқа қалтада болса, дұрыс жолды енгізіңіз немесе «Шолу» түймесін басыңыз.
PathLabel=&Жол:
FileNotInDir2="%1" файлы "%2" ішінен табылмады. Дұрыс дискіні салыңыз немесе басқа қалтаны таңдаңыз.
SelectDirectoryLabel=Келесі дискінің орнын көрсетіңіз.

; *** Installation phase messages
SetupAborted=Орнату аяқталмады.%n%nАқауды түзетіп, орнату бағдарламасын қайта іске қосыңыз.
AbortRetryIgnoreSelectAction=Әрекетті таңдаңыз
AbortRetryIgnoreRetry=&Қайталап көру
AbortRetryIgnoreIgnore=Қатені елемей, &жалғастыру
AbortRetryIgnoreCancel=Орнатудан бас тарту

; *** Installation status messages
StatusClosingApplications=Қолданбалар жабылып жатыр...
StatusCreateDirs=Қалталар жасалып жатыр...
StatusExtractFiles=Файлдар шығарылып жатыр...
StatusCreateIcons=Таңбашалар жасалып жатыр...
StatusCreateIniEntries=INI жазбалары жасалып жатыр...
StatusCreateRegistryEntries=Тізілім жазбалары жасалып жатыр...
StatusRegisterFiles=Файлдар тіркеліп жатыр...
StatusSavingUninstall=Жоюға арналған ақпарат сақталып жатыр...
StatusRunProgram=Орнату аяқталып жатыр...
StatusRestartingApplications=Қолданбалар қайта іске қосылып жатыр...
StatusRollback=Өзгерістер кері қайтарылып жатыр...

; *** Misc. errors
ErrorInternal2=Ішкі қате: %1
ErrorFunctionFailedNoCode=%1 сәтсіз аяқталды
ErrorFunctionFailed=%1 сәтсіз аяқталды; коды %2
ErrorFunctionFailedWithMessage=%1 сәтсіз аяқталды; коды %2.%n%3
ErrorExecutingProgram=Файлды орындау мүмкін болмады:%n%1

; *** Registry errors
ErrorRegOpenKey=Тізілім кілтін ашу кезінде қате орын алды:%n%1\%2
ErrorRegCreateKey=Тізілім кілтін жасау кезінде қате орын алды:%n%1\%2
ErrorRegWriteKey=Тізілім кілтіне жазу кезінде қате орын алды:%n%1\%2

; *** INI errors
ErrorIniEntry="%1" файлында INI жазбасын жасау кезінде қате орын алды.

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=Бұл файлды &өткізіп жіберу (ұсынылмайды)
FileAbortRetryIgnoreIgnoreNotRecommended=Қатені елемей, &жалғастыру (ұсынылмайды)
SourceIsCorrupted=Бастапқы файл зақымдалған
SourceDoesntExist="%1" бастапқы файлы жоқ
ExistingFileReadOnly2=Бар файлды ауыстыру мүмкін болмады, себебі ол «тек оқу үшін» деп белгіленген.
ExistingFileReadOnlyRetry=«Тек оқу үшін» төлсипатын &алып тастап, қайталап көру
ExistingFileReadOnlyKeepExisting=Бар файлды &сақтап қалу
ErrorReadingExistingDest=Бар файлды оқу кезінде қате орын алды:
FileExistsSelectAction=Әрекетті таңдаңыз
FileExists2=Файл бұрыннан бар.
FileExistsOverwriteExisting=Бар файлды &қайта жазу
FileExistsKeepExisting=Бар файлды &сақтап қалу
FileExistsOverwriteOrKeepAll=Келесі қайшылықтарда да &осылай істеу
ExistingFileNewerSelectAction=Әрекетті таңдаңыз
ExistingFileNewer2=Бар файл орнату бағдарламасы орнатқысы келген файлдан жаңарақ.
ExistingFileNewerOverwriteExisting=Бар файлды &қайта жазу
ExistingFileNewerKeepExisting=Бар файлды &сақтап қалу (ұсынылады)
ExistingFileNewerOverwriteOrKeepAll=Келесі қайшылықтарда да &осылай істеу
ErrorChangingAttr=Бар файлдың төлсипаттарын өзгерту кезінде қате орын алды:
ErrorCreatingTemp=Мақсатты қалтада файл жасау кезінде қате орын алды:
ErrorReadingSource=Бастапқы файлды оқу кезінде қате орын алды:
ErrorCopying=Файлды көшіру кезінде қате орын алды:
ErrorReplacingExistingFile=Бар файлды ауыстыру кезінде қате орын алды:
ErrorRestartReplace=RestartReplace сәтсіз аяқталды:
ErrorRenamingTemp=Мақсатты қалтадағы файлдың атын өзгерту кезінде қате орын алды:
ErrorRegisterServer=DLL/OCX тіркеу мүмкін болмады: %1
ErrorRegSvr32Failed=RegSvr32 сәтсіз аяқталды, шығу коды: %1
ErrorRegisterTypeLib=Типтер кітапханасын тіркеу мүмкін болмады: %1

; *** Uninstall display name markings
; used for example as 'My Program (32-bit)'
UninstallDisplayNameMark=%1 (%2)
; used for example as 'My Program (32-bit, All users)'
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32 биттік
UninstallDisplayNameMark64Bit=64 биттік
UninstallDisplayNameMarkAllUsers=Барлық пайдаланушылар
UninstallDisplayNameMarkCurrentUser=Ағымдағы пайдаланушы

; *** Post-installation errors
ErrorOpeningReadme=README файлын ашу кезінде қате орын алды.
ErrorRestartingComputer=Орнату бағдарламасы компьютерді қайта іске қоса алмады. Мұны қолмен орындаңыз.

; *** Uninstaller messages
UninstallNotFound="%1" файлы жоқ. Жою мүмкін емес.
UninstallOpenError="%1" файлын ашу мүмкін болмады. Жою мүмкін емес
UninstallUnsupportedVer="%1" жою журналы файлының пішімін жою бағдарламасының бұл нұсқасы танымайды. Жою мүмкін емес
UninstallUnknownEntry=Жою журналынан белгісіз жазба (%1) табылды
ConfirmUninstall=%1 бағдарламасын және оның барлық құрамдастарын толығымен жойғыңыз келетініне сенімдісіз бе?
UninstallOnlyOnWin64=Бұл орнатуды тек 64 биттік Windows жүйесінде жоюға болады.
OnlyAdminCanUninstall=Бұл орнатуды тек әкімші құқықтары бар пайдаланушы жоя алады.
UninstallStatusLabel=%1 компьютеріңізден жойылып жатыр, күте тұрыңыз.
UninstalledAll=%1 компьютеріңізден сәтті жойылды.
UninstalledMost=%1 жою аяқталды.%n%nКейбір элементтерді жою мүмкін болмады. Оларды қолмен жоюға болады.
UninstalledAndNeedsRestart=%1 жоюды аяқтау үшін компьютерді қайта іске қосу керек.%n%nҚазір қайта іске қосқыңыз келе ме?
UninstallDataCorrupted="%1" файлы зақымдалған. Жою мүмкін емес

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Ортақ файл жойылсын ба?
ConfirmDeleteSharedFile2=Жүйенің мәліметі бойынша келесі ортақ файлды енді ешбір бағдарлама пайдаланбайды. Жою бағдарламасы бұл ортақ файлды жойсын ба?%n%nЕгер бұл файлды әлі де пайдаланатын бағдарламалар болса және ол жойылса, ол бағдарламалар дұрыс жұмыс істемеуі мүмкін. Сенімді болмасаңыз, «Жоқ» түймесін таңдаңыз. Файлды жүйеде қалдыру ешқандай зиян келтірмейді.
SharedFileNameLabel=Файл аты:
SharedFileLocationLabel=Орны:
WizardUninstalling=Жою күйі
StatusUninstalling=%1 жойылып жатыр...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=%1 орнатылып жатыр.
ShutdownBlockReasonUninstallingApp=%1 жойылып жатыр.

; The custom messages below aren't used by Setup itself, but if you make
; use of them in your scripts, you'll want to translate them.

[CustomMessages]

NameAndVersion=%1, %2 нұсқасы
AdditionalIcons=Қосымша таңбашалар:
CreateDesktopIcon=&Жұмыс үстелінде таңбаша жасау
CreateQuickLaunchIcon=&Жылдам іске қосу тақтасында таңбаша жасау
ProgramOnTheWeb=%1 интернетте
UninstallProgram=%1 бағдарламасын жою
LaunchProgram=%1 бағдарламасын іске қосу
AssocFileExtension=%1 бағдарламасын %2 файл кеңейтімімен &байланыстыру
AssocingFileExtension=%1 бағдарламасы %2 файл кеңейтімімен байланыстырылып жатыр...
AutoStartProgramGroupDescription=Автоіске қосу:
AutoStartProgram=%1 бағдарламасын автоматты түрде іске қосу
AddonHostProgramNotFound=Сіз таңдаған қалтадан %1 табылмады.%n%nСонда да жалғастырғыңыз келе ме?
